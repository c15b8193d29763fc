package state

// isChmodUnsupported: Windows only knows the read-only bit; file access is
// governed by the ACL inherited from %ProgramData%\Parc.
func isChmodUnsupported(error) bool { return true }
