package collect

// The macOS collectors register under the section names the Linux and
// Windows ones use; software sources are named after their origin.
func init() {
	for _, c := range []struct {
		name string
		fn   Func
	}{
		{"batteries", batteriesMacOS},
		{"bios", biosMacOS},
		{"cpus", cpusDarwin},
		{"drives", drivesDarwin},
		{"hardware", hardwareDarwin},
		{"memories", memoriesMacOS},
		{"monitors", monitorsMacOS},
		{"networks", networksDarwin},
		{"operatingsystem", operatingSystemDarwin},
		{"softwares_brew", softwaresBrew},
		{"softwares_macos", softwaresMacOS},
		{"storages", storagesMacOS},
		{"users", usersDarwin},
		{"videos", videosMacOS},
	} {
		Register(c.name, c.fn)
	}
}
