/** Symmetric encryption shared by the services: AES-256-GCM with associated data. Pure JDK, no Spring. */
package app.steady.platform.crypto;
