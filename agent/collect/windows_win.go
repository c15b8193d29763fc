package collect

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"slices"
)

// The Windows collectors. Their logic lives in files named *_win.go, which
// carry no build constraint, so that the fixture tests run it on Linux
// against recorded registry and WMI answers; register_windows.go registers
// them on Windows under the same section names the Linux collectors use.
// Only local accounts need a Windows API (netapi32), reached through
// winAccountsSource.
var windowsCollectors = []struct {
	name string
	fn   Func
}{
	{"antivirus", windowsAntivirus},
	{"batteries", windowsBatteries},
	{"bios", windowsBios},
	{"cpus", windowsCPUs},
	{"drives", windowsDrives},
	{"hardware", windowsHardware},
	{"local_groups", windowsLocalGroups},
	{"local_users", windowsLocalUsers},
	{"memories", windowsMemories},
	{"monitors", windowsMonitors},
	{"networks", windowsNetworks},
	{"operatingsystem", windowsOperatingSystem},
	{"storages", windowsStorages},
	{"users", windowsUsers},
	{"videos", windowsVideos},
}

const (
	nsCIMV2    = `root\CIMV2`
	nsWMI      = `root\WMI`
	nsStorage  = `root\Microsoft\Windows\Storage`
	nsSecurity = `root\SecurityCenter2`
	nsBitLock  = `root\CIMV2\Security\MicrosoftVolumeEncryption`
)

// Queries shared by several collectors, so the fixtures hold one answer.
const (
	qComputerSystem  = "SELECT Domain, Manufacturer, Model, Name, PartOfDomain, SystemSKUNumber, TotalPhysicalMemory, Workgroup FROM Win32_ComputerSystem"
	qOperatingSystem = "SELECT Caption, CSDVersion, Description, InstallDate, LastBootUpTime, OSLanguage, Version FROM Win32_OperatingSystem"
	qEnclosure       = "SELECT ChassisTypes, SerialNumber, SMBIOSAssetTag FROM Win32_SystemEnclosure"
	qProduct         = "SELECT IdentifyingNumber, Name, UUID, Vendor FROM Win32_ComputerSystemProduct"
)

// winQuery runs a WMI query, or says there is no WMI here.
func winQuery(ctx context.Context, env *Env, namespace, query string) ([]wrow, error) {
	if env.WMI == nil {
		return nil, fmt.Errorf("no WMI on this system: %w", ErrNoData)
	}
	return env.WMI.Query(ctx, namespace, query)
}

// winQueryFirst returns the first row of a query, or an empty row when
// the class has no instance.
func winQueryFirst(ctx context.Context, env *Env, namespace, query string) (wrow, error) {
	rows, err := winQuery(ctx, env, namespace, query)
	if err != nil || len(rows) == 0 {
		return wrow{}, err
	}
	return rows[0], nil
}

// winReg reads a registry key. A missing key is an empty map and no
// error: optional keys are the rule (SecureBoot on a BIOS machine, Defender
// with a third-party antivirus).
func winReg(env *Env, root, path string) (wrow, error) {
	if env.Registry == nil {
		return nil, fmt.Errorf("no registry on this system: %w", ErrNoData)
	}
	v, err := env.Registry.Values(root, path)
	if errors.Is(err, fs.ErrNotExist) {
		return wrow{}, nil
	}
	return v, err
}

// winSubKeys lists the subkeys of a key in sorted order (as regedit
// shows them), nil when the key does not exist.
func winSubKeys(env *Env, root, path string) ([]string, error) {
	if env.Registry == nil {
		return nil, fmt.Errorf("no registry on this system: %w", ErrNoData)
	}
	k, err := env.Registry.SubKeys(root, path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	slices.Sort(k)
	return k, err
}

// winNeed fails with ErrNoData when the Windows sources are absent, so the
// collectors say why they did nothing outside Windows.
func winNeed(env *Env) error {
	if env.Registry == nil || env.WMI == nil {
		return fmt.Errorf("registry or WMI unavailable: %w", ErrNoData)
	}
	return nil
}
