package snmppoll

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/snmp"
)

// An administrator's sysobject.ids (uploaded on the network page, or
// installed with `parc-collector snmp update-ids`) is kept in the
// database, so that every collector of a site sharing one PostgreSQL uses
// it; each collector copies it into its data directory (SysObjectFile),
// the file its runs load and its API serves to agents with an ETag. A
// collector brings its copy up to date before each run and each agent
// download: the database holds the content and a small summary, and only
// a changed summary costs reading the content.

// Setting keys of the shared sysobject.ids.
const (
	settingSysObjectIDs     = "snmp.sysobject_ids"
	settingSysObjectSummary = "snmp.sysobject_ids.summary"
)

// SysObjectInfo describes a sysobject.ids.
type SysObjectInfo struct {
	SHA256  string    `json:"sha256"`
	Entries int       `json:"entries"`
	Updated time.Time `json:"updated"`
	By      string    `json:"by,omitempty"`
	// Path is the file a collector loads; Shared says it is the
	// administrators' copy from the database (else the shipped file).
	Path   string `json:"-"`
	Shared bool   `json:"-"`
}

// localSum caches the hash of the data directory's copy by size and
// modification time, so a sync does not hash the file each time.
type localSum struct {
	mu      sync.Mutex
	modTime time.Time
	size    int64
	sum     string
}

func (l *localSum) get(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if fi.ModTime().Equal(l.modTime) && fi.Size() == l.size {
		return l.sum
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	l.modTime, l.size, l.sum = fi.ModTime(), fi.Size(), sha256Hex(data)
	return l.sum
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// StoreSysObjectIDs checks data strictly (an error names the first bad
// line, see snmp.CheckSysObjectIDs) and makes it the site's sysobject.ids:
// in the database for every collector, and in dataDir for this one. who is
// recorded with the date.
func StoreSysObjectIDs(ctx context.Context, st store.Store, dataDir string, data []byte, who string, now time.Time) (SysObjectInfo, error) {
	if len(data) > api.MaxSysObjectIDsBytes {
		return SysObjectInfo{}, fmt.Errorf("the file is larger than %d bytes", api.MaxSysObjectIDsBytes)
	}
	db, err := snmp.CheckSysObjectIDs(data)
	if err != nil {
		return SysObjectInfo{}, err
	}
	info := SysObjectInfo{SHA256: sha256Hex(data), Entries: db.Len(), Updated: now.UTC(), By: who}
	summary, err := json.Marshal(info)
	if err != nil {
		return SysObjectInfo{}, err
	}
	err = st.WithTx(ctx, func(q store.Queries) error {
		if err := q.SetSetting(ctx, settingSysObjectIDs, string(data)); err != nil {
			return err
		}
		return q.SetSetting(ctx, settingSysObjectSummary, string(summary))
	})
	if err != nil {
		return SysObjectInfo{}, err
	}
	if err := installSysObjectIDs(dataDir, data); err != nil {
		return SysObjectInfo{}, err
	}
	info.Path, info.Shared = filepath.Join(dataDir, SysObjectFile), true
	return info, nil
}

// sharedSysObjectInfo reads the summary of the database's copy; ok is
// false when there is none.
func sharedSysObjectInfo(ctx context.Context, st store.Store) (SysObjectInfo, bool, error) {
	v, err := st.GetSetting(ctx, settingSysObjectSummary)
	if errors.Is(err, store.ErrNotFound) {
		return SysObjectInfo{}, false, nil
	}
	if err != nil {
		return SysObjectInfo{}, false, err
	}
	var info SysObjectInfo
	if err := json.Unmarshal([]byte(v), &info); err != nil {
		return SysObjectInfo{}, false, fmt.Errorf("summary of the shared sysobject.ids: %w", err)
	}
	return info, true, nil
}

// SyncSysObjectIDs brings the data directory's copy up to date with the
// database's, when the database has one.
func (s *Service) SyncSysObjectIDs(ctx context.Context) error {
	info, ok, err := sharedSysObjectInfo(ctx, s.st)
	if err != nil || !ok {
		return err
	}
	path := filepath.Join(s.opts.DataDir, SysObjectFile)
	if s.local.get(path) == info.SHA256 {
		return nil
	}
	data, err := s.st.GetSetting(ctx, settingSysObjectIDs)
	if err != nil {
		return fmt.Errorf("read the shared sysobject.ids: %w", err)
	}
	if sha256Hex([]byte(data)) != info.SHA256 {
		return nil // being replaced right now: the next sync takes it
	}
	if err := installSysObjectIDs(s.opts.DataDir, []byte(data)); err != nil {
		return err
	}
	s.log.Info("sysobject.ids updated from the database", "entries", info.Entries, "by", info.By, "updated", info.Updated)
	return nil
}

// UploadSysObjectIDs is StoreSysObjectIDs for this collector.
func (s *Service) UploadSysObjectIDs(ctx context.Context, data []byte, who string) (SysObjectInfo, error) {
	info, err := StoreSysObjectIDs(ctx, s.st, s.opts.DataDir, data, who, s.now())
	if err == nil {
		s.log.Info("sysobject.ids uploaded", "entries", info.Entries, "by", who)
	}
	return info, err
}

// SysObjectIDsInfo describes the sysobject.ids the next run uses: the
// shared copy's summary, or the entry count and date of the file found.
func (s *Service) SysObjectIDsInfo(ctx context.Context) (SysObjectInfo, error) {
	if err := s.SyncSysObjectIDs(ctx); err != nil {
		s.log.Warn("sysobject.ids not synchronised from the database", "err", err)
	}
	path := SysObjectPath(s.opts.DataDir, s.opts.SysObjectIDs)
	info, shared, err := sharedSysObjectInfo(ctx, s.st)
	if err != nil {
		return SysObjectInfo{}, err
	}
	if shared && path == filepath.Join(s.opts.DataDir, SysObjectFile) {
		info.Path, info.Shared = path, true
		return info, nil
	}
	if path == "" {
		return SysObjectInfo{}, nil
	}
	out := SysObjectInfo{Path: path}
	if fi, err := os.Stat(path); err == nil {
		out.Updated = fi.ModTime().UTC()
	}
	db, err := snmp.LoadSysObjectIDs(path)
	if err != nil {
		return out, err
	}
	out.Entries = db.Len()
	return out, nil
}
