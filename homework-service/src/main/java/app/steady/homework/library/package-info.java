/**
 * The library of techniques and exercises: a default set every tenant starts with, plus a tenant's own. Clients browse
 * it (informed decision-making) and can choose practice for themselves; therapists assign from it.
 */
package app.steady.homework.library;
