/** Privacy events: erasure, data export and the audit trail, shared in shape by every service. */
package app.steady.events.privacy;
