package tasks

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/parcproject/parc/agent/state"
	"github.com/parcproject/parc/pkg/snmp"
)

// SysObjectIDsFile is the name of the agent's copy of the collector's
// sysobject.ids, in the state directory; its ETag is beside it in
// SysObjectIDsFile+".etag". An administrator may also put a copy there.
const SysObjectIDsFile = "sysobject.ids"

// sysObjectCheckEvery spaces the checks with the collector for a newer
// sysobject.ids (each costs a 304 when nothing changed).
const sysObjectCheckEvery = 24 * time.Hour

// dbCache is the sysobject.ids in use and where it came from.
type dbCache struct {
	db      *snmp.SysObjectDB
	source  string
	checked time.Time
}

// InstalledSysObjectIDs lists where packages install sysobject.ids: beside
// the program (the Windows MSI puts it in %ProgramFiles%\Parc), then the
// shared data folder of the Linux packages.
func InstalledSysObjectIDs() []string {
	var out []string
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		out = append(out, filepath.Join(filepath.Dir(exe), SysObjectIDsFile))
	}
	if runtime.GOOS != "windows" {
		out = append(out, "/usr/share/parc/sysobject.ids", "/usr/local/share/parc/sysobject.ids")
	}
	return out
}

// sysObjectDB returns the sysobject.ids to identify devices with: the
// collector's (downloaded once, then checked daily by ETag and cached in
// the state directory), else the cached or installed copy, else nil:
// identification then relies on sysDescr and MIB probing.
func (m *Manager) sysObjectDB(ctx context.Context) *snmp.SysObjectDB {
	c := &m.db // only the task runner goroutine uses it
	now := m.opts.Now()
	if c.db != nil && now.Sub(c.checked) < sysObjectCheckEvery {
		return c.db
	}
	c.checked = now
	cache := m.opts.CacheFile
	if err := m.fetchSysObjectIDs(ctx, cache); err != nil {
		m.log.Info("no sysobject.ids from the collector; using a local copy if any", "err", err)
	}
	if c.db != nil {
		return c.db
	}
	for _, p := range append([]string{cache}, m.opts.SysObjectIDs...) {
		db, err := snmp.LoadSysObjectIDs(p)
		if err == nil {
			c.db, c.source = db, p
			m.log.Info("sysobject.ids loaded", "path", p, "entries", db.Len())
			return db
		}
		if !errors.Is(err, os.ErrNotExist) {
			m.log.Warn("sysobject.ids unusable", "path", p, "err", err)
		}
	}
	m.log.Warn("no sysobject.ids found: devices are identified from sysDescr and MIB probing only",
		"looked_in", strings.Join(append([]string{cache}, m.opts.SysObjectIDs...), ", "))
	return nil
}

// fetchSysObjectIDs asks the collector for its sysobject.ids, sending the
// ETag of the cached copy, and keeps a new one in the cache file.
func (m *Manager) fetchSysObjectIDs(ctx context.Context, cache string) error {
	c := &m.db
	etag := ""
	if b, err := os.ReadFile(cache + ".etag"); err == nil {
		if _, err := os.Stat(cache); err == nil {
			etag = strings.TrimSpace(string(b))
		}
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	res, err := m.opts.Conn.SysObjectIDs(ctx, etag)
	if err != nil {
		return err
	}
	if res.NotModified {
		if c.db == nil || c.source != cache {
			db, err := snmp.LoadSysObjectIDs(cache)
			if err != nil {
				return err
			}
			c.db, c.source = db, cache
		}
		return nil
	}
	db, err := snmp.ParseSysObjectIDs(bytes.NewReader(res.Data))
	if err != nil {
		return errors.New("the collector's sysobject.ids is not valid: " + err.Error())
	}
	if err := state.WriteFile(cache, res.Data, 0o600); err != nil {
		return err
	}
	if err := state.WriteFile(cache+".etag", []byte(res.ETag+"\n"), 0o600); err != nil {
		return err
	}
	c.db, c.source = db, cache
	m.log.Info("sysobject.ids downloaded from the collector", "entries", db.Len(), "etag", res.ETag)
	return nil
}
