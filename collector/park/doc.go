// Package park holds the asset rules shared by ingest and the web UI: which
// identifiers are junk, how names are normalised, which asset fields the
// inventory owns (and a person can lock), and how a manual edit locks them.
// It does no I/O of its own beyond the store it is given.
package park
