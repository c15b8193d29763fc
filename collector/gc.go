package main

import (
	"os"
	"runtime/debug"
)

// serveGCPercent is the collector's garbage-collector target when GOGC is
// not set. Its live heap is small (tens of MB) while every report allocates
// its decoded document, so at Go's default of 100 the collector ran a
// collection every half second under load and spent 4-5% of its CPU on it;
// at 400 about 1%, for a heap of a few times the live one.
const serveGCPercent = 400

// tuneGC applies serveGCPercent unless the administrator chose GOGC.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
	}
}
