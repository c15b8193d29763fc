// Package version holds the build's version, set at link time with
// -ldflags "-X github.com/parcproject/parc/pkg/version.Version=0.1.0".
package version

import "runtime/debug"

// Version is the release version, e.g. "0.1.0"; "dev" in local builds.
var Version = "dev"

// Commit returns the VCS revision the binary was built from, or "unknown".
func Commit() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				if len(s.Value) > 12 {
					return s.Value[:12]
				}
				return s.Value
			}
		}
	}
	return "unknown"
}
