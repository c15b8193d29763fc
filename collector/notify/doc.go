// Package notify is the helpdesk's email: notifications of ticket events
// to the people concerned (requesters, observers, assignees, approvers),
// written to the database job queue in the same transaction as the
// change and sent over SMTP by a worker with retries; and mail to ticket,
// an IMAP mailbox polled on a schedule whose mails open tickets or add
// followups.
package notify
