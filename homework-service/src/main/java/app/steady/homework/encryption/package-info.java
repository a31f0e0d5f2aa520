/**
 * Encryption at rest of clients' free text (journal entries, notes) with a key per client (envelope encryption):
 * each client's AES-256 data key is stored wrapped by a master key, in a key store kept apart from the data
 * (its own database). Deleting a client's key makes every copy of their encrypted text unreadable, in the live
 * store and in any backup (crypto-shredding).
 */
package app.steady.homework.encryption;
