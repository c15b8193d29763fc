package state

import (
	"os"
	"strings"
	"time"
)

// The device ID rule.
//
// A device ID is "<hostname>-<YYYY-MM-DD-HH-MM-SS>", as GLPI Agent writes
// it. GLPI Agent stamps it with the time of its first run; Parc stamps it
// with the machine's installation time instead (UTC), read from a file the
// OS writes once at installation:
//
//   - Linux: the modification time of /etc/machine-id (else
//     /var/lib/dbus/machine-id);
//   - Windows: HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\InstallDate;
//   - macOS: the modification time of /var/db/.AppleSetupDone.
//
// So the ID is the same whoever computes it: the service (root, which
// stores it in identity.json on first use and keeps it from then on, even if
// the host is renamed) and a user running `parc-agent inventory` who cannot
// read the state directory. Only when no such anchor exists is the current
// time used, and then the ID is stable only where it can be stored.
const deviceIDLayout = "2006-01-02-15-04-05"

// FormatDeviceID builds a device ID from a host name (cut at its first dot)
// and a time (taken in UTC).
func FormatDeviceID(hostname string, t time.Time) string {
	host, _, _ := strings.Cut(strings.TrimSpace(hostname), ".")
	if host == "" {
		host = "unknown"
	}
	return host + "-" + t.UTC().Format(deviceIDLayout)
}

// DeriveDeviceID computes the device ID from the host name and the
// installation anchor, without touching the state directory. The bool is
// false when no anchor was found and the current time was used.
func DeriveDeviceID() (string, bool) {
	host, err := os.Hostname()
	if err != nil {
		host = ""
	}
	t, ok := installTime()
	if !ok {
		t = time.Now()
	}
	return FormatDeviceID(host, t), ok
}

// DeviceID returns the stored device ID, or derives one and stores it.
func (s *Store) DeviceID() (string, error) {
	id, err := s.Identity()
	if err != nil {
		return "", err
	}
	if id.DeviceID != "" {
		return id.DeviceID, nil
	}
	id.DeviceID, _ = DeriveDeviceID()
	if err := s.SaveIdentity(id); err != nil {
		return "", err
	}
	return id.DeviceID, nil
}

// fileMTime is the modification time of the first file of paths that exists.
func fileMTime(paths ...string) (time.Time, bool) {
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && !fi.ModTime().IsZero() {
			return fi.ModTime(), true
		}
	}
	return time.Time{}, false
}
