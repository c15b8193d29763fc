//go:build !windows

package collect

// platformSources fills the OS-specific sources of a new Env. Outside
// Windows there is no registry and no WMI.
func platformSources(*Env) {}

// Close releases the sources NewEnv opened.
func (e *Env) Close() error { return nil }
