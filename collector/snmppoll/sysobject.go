package snmppoll

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/parcproject/parc/pkg/snmp"
)

// SysObjectFile is the name of sysobject.ids in the data directory and
// beside the program.
const SysObjectFile = "sysobject.ids"

// InstalledSysObjectIDs lists where the packages install the database:
// beside the program (Windows, tarballs), then the Linux packages' shared
// data folders (the collector's, then the agent's).
func InstalledSysObjectIDs() []string {
	var out []string
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		out = append(out, filepath.Join(filepath.Dir(exe), SysObjectFile))
	}
	return append(out, "/usr/share/parc-collector/sysobject.ids", "/usr/share/parc/sysobject.ids")
}

// SysObjectPath picks the sysobject.ids to load (GPL-2.0 data, shipped
// beside the binary, never compiled in): the administrator's copy in the
// data directory (see UpdateSysObjectIDs), else the configured file
// (snmp.sysobject_ids, e.g. the repository's copy for `make run`), else
// the installed one. "" when there is none: devices are then identified
// from sysDescr and MIB probing only.
func SysObjectPath(dataDir, configured string) string {
	candidates := append([]string{filepath.Join(dataDir, SysObjectFile), configured}, InstalledSysObjectIDs()...)
	for _, p := range candidates {
		if p == "" {
			continue
		}
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	return ""
}

// UpdateSysObjectIDs checks src is a readable sysobject.ids and installs
// it as the data directory's copy. It returns the number of entries. (The
// CLI uses StoreSysObjectIDs, which also shares it through the database.)
func UpdateSysObjectIDs(dataDir, src string) (int, error) {
	db, err := snmp.LoadSysObjectIDs(src)
	if err != nil {
		return 0, err
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", src, err)
	}
	if err := installSysObjectIDs(dataDir, data); err != nil {
		return 0, err
	}
	return db.Len(), nil
}

// installSysObjectIDs writes data as the data directory's copy,
// atomically (a run loading it meanwhile sees the old or the new file,
// never half of one).
func installSysObjectIDs(dataDir string, data []byte) error {
	if err := os.MkdirAll(dataDir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("update sysobject.ids: %w", err)
	}
	tmp, err := os.CreateTemp(dataDir, SysObjectFile+".*")
	if err != nil {
		return fmt.Errorf("update sysobject.ids: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("update sysobject.ids: %w", err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("update sysobject.ids: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("update sysobject.ids: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dataDir, SysObjectFile)); err != nil {
		return fmt.Errorf("update sysobject.ids: %w", err)
	}
	return nil
}
