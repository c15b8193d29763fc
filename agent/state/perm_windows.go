package state

import (
	"fmt"

	"golang.org/x/sys/windows"
)

// stateDirSDDL grants full control to SYSTEM and Administrators only, and
// blocks inheritance: %ProgramData% lets every user read by default, and
// the state directory holds the agent's token.
const stateDirSDDL = "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"

// restrictDir applies stateDirSDDL to dir.
func restrictDir(dir string) error {
	sd, err := windows.SecurityDescriptorFromString(stateDirSDDL)
	if err != nil {
		return fmt.Errorf("state dir ACL: %w", err)
	}
	dacl, _, err := sd.DACL()
	if err != nil {
		return fmt.Errorf("state dir ACL: %w", err)
	}
	err = windows.SetNamedSecurityInfo(dir, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, dacl, nil)
	if err != nil {
		return fmt.Errorf("state dir ACL on %s: %w", dir, err)
	}
	return nil
}
