package state

import (
	"time"

	"golang.org/x/sys/windows/registry"
)

// installTime reads InstallDate (seconds since 1970, written by Windows
// setup; a feature upgrade rewrites it, which changes only the derived ID:
// the service's stored one stays).
func installTime() (time.Time, bool) {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, `SOFTWARE\Microsoft\Windows NT\CurrentVersion`, registry.QUERY_VALUE|registry.WOW64_64KEY)
	if err != nil {
		return time.Time{}, false
	}
	defer k.Close()
	v, _, err := k.GetIntegerValue("InstallDate")
	if err != nil || v == 0 {
		return time.Time{}, false
	}
	return time.Unix(int64(v), 0), true
}
