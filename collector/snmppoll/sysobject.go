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
// in InstalledSysObjectIDs's directory.
const SysObjectFile = "sysobject.ids"

// InstalledSysObjectIDs is where the Linux packages install the database.
const InstalledSysObjectIDs = "/usr/share/parc/sysobject.ids"

// SysObjectPath picks the sysobject.ids to load (GPL-2.0 data, shipped
// beside the binary, never compiled in): the administrator's copy in the
// data directory, else the configured file, else the installed one. ""
// when there is none: devices are then identified from sysDescr and MIB
// probing only.
func SysObjectPath(dataDir, configured string) string {
	for _, p := range []string{filepath.Join(dataDir, SysObjectFile), configured, InstalledSysObjectIDs} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// UpdateSysObjectIDs checks src is a readable sysobject.ids and installs
// it as the data directory's copy, atomically (a run loading it meanwhile
// sees the old or the new file, never half of one). It returns the number
// of entries.
func UpdateSysObjectIDs(dataDir, src string) (int, error) {
	db, err := snmp.LoadSysObjectIDs(src)
	if err != nil {
		return 0, err
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", src, err)
	}
	if err := os.MkdirAll(dataDir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return 0, fmt.Errorf("update sysobject.ids: %w", err)
	}
	tmp, err := os.CreateTemp(dataDir, SysObjectFile+".*")
	if err != nil {
		return 0, fmt.Errorf("update sysobject.ids: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return 0, fmt.Errorf("update sysobject.ids: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return 0, fmt.Errorf("update sysobject.ids: %w", err)
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dataDir, SysObjectFile)); err != nil {
		return 0, fmt.Errorf("update sysobject.ids: %w", err)
	}
	return db.Len(), nil
}
