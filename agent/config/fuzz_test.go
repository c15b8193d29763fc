package config

import "testing"

// FuzzApplyYAML feeds arbitrary files to the agent.yaml parser: it may
// refuse them, never panic.
func FuzzApplyYAML(f *testing.F) {
	f.Add([]byte("server: https://parc.example.org\ncontact_interval: 30m\njitter: 10%\n"))
	f.Add([]byte("spool_max_bytes: 64MiB\nfull_max_age: 7d\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := Default()
		_ = applyYAML(c, "agent.yaml", data)
	})
}
