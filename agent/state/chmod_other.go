//go:build !windows

package state

func isChmodUnsupported(error) bool { return false }
