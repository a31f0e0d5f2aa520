/** The front door (docs/architecture.md, "The front door"): routing, the merged API document, edge limits. */
package app.steady.gateway;
