package collect

import "context"

// Registry reads the Windows registry. Roots are "HKLM", "HKU", "HKCU";
// paths use backslashes, e.g. `SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall`.
// The real implementation is in registry_windows.go; tests use a recorded
// dump (collecttest.Registry). Both return an error wrapping fs.ErrNotExist
// for a missing key.
type Registry interface {
	// SubKeys lists the names of the subkeys of a key.
	SubKeys(root, path string) ([]string, error)
	// Values returns the values of a key: REG_SZ and REG_EXPAND_SZ as string,
	// REG_DWORD and REG_QWORD as uint64, REG_MULTI_SZ as []string,
	// REG_BINARY as []byte.
	Values(root, path string) (map[string]any, error)
}

// WMI runs WQL queries. All queries go through one worker goroutine locked
// to its OS thread (COM is per thread); see wmiworker_win.go. Rows map
// property names to values: string, int64, uint64, bool, float64, []string,
// []int64 (numeric arrays such as ChassisTypes) or nil.
type WMI interface {
	Query(ctx context.Context, namespace, query string) ([]map[string]any, error)
}
