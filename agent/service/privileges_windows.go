package service

import (
	"errors"

	"golang.org/x/sys/windows"
)

// checkPrivileges fails early with the fix, instead of "Access is denied"
// from the service control manager.
func checkPrivileges() error {
	if !windows.GetCurrentProcessToken().IsElevated() {
		return errors.New("needs Administrator rights: run it again from an elevated prompt (Run as administrator)")
	}
	return nil
}
