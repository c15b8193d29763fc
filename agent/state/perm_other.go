//go:build !windows

package state

import (
	"fmt"
	"os"
)

// restrictDir makes dir 0700: the state directory holds the agent's token.
func restrictDir(dir string) error {
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("state dir: %w", err)
	}
	return nil
}
