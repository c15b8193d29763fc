package config

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultConfigPath is where agent.yaml is read from when --config is not
// given: /etc/parc/agent.yaml on Linux, %ProgramData%\Parc\agent.yaml on
// Windows, /Library/Application Support/Parc/agent.yaml on macOS.
func DefaultConfigPath() string {
	switch runtime.GOOS {
	case "windows":
		return filepath.Join(programData(), "Parc", "agent.yaml")
	case "darwin":
		return "/Library/Application Support/Parc/agent.yaml"
	}
	return "/etc/parc/agent.yaml"
}

// DefaultStateDir is /var/lib/parc-agent on Linux, %ProgramData%\Parc on
// Windows and /Library/Application Support/Parc on macOS.
func DefaultStateDir() string {
	switch runtime.GOOS {
	case "windows":
		return filepath.Join(programData(), "Parc")
	case "darwin":
		return "/Library/Application Support/Parc"
	}
	return "/var/lib/parc-agent"
}

func programData() string {
	if p := os.Getenv("ProgramData"); p != "" {
		return p
	}
	return `C:\ProgramData`
}
