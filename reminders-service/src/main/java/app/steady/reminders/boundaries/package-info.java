/** The client's reminder settings (their boundaries), set through this service's API. */
package app.steady.reminders.boundaries;
