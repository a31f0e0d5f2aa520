/**
 * What the services need to know about the MongoDB they talk to: whether it is the embedded MongoDB-wire server
 * (mongo-java-server), and the indexes that server needs to serve hot lookups without reading whole collections.
 */
package app.steady.platform.store;
