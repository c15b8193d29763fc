//go:build !windows

package service

import (
	"errors"
	"os"
)

// checkPrivileges fails early with the fix, instead of a permission error
// from deep inside systemctl or launchctl.
func checkPrivileges() error {
	if os.Geteuid() != 0 {
		return errors.New("needs root: run it again as root (e.g. with sudo)")
	}
	return nil
}
