package apiserver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/snmp"
)

// DefaultSysObjectIDs lists where sysobject.ids is looked for when
// Options.SysObjectIDs is empty: beside the program, then the shared data
// folders of the Linux packages.
func DefaultSysObjectIDs() []string {
	var out []string
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		out = append(out, filepath.Join(filepath.Dir(exe), "sysobject.ids"))
	}
	return append(out, "/usr/share/parc-collector/sysobject.ids", "/usr/share/parc/sysobject.ids")
}

// sysObjectFile is the sysobject.ids served to agents, read again when the
// file changes on disk (an administrator updated it).
type sysObjectFile struct {
	mu      sync.Mutex
	path    string
	modTime time.Time
	size    int64
	data    []byte
	etag    string
}

// errNoSysObjectIDs means no sysobject.ids was found.
var errNoSysObjectIDs = errors.New("no sysobject.ids")

// load returns the current file's content and ETag.
func (f *sysObjectFile) load(paths []string) ([]byte, string, time.Time, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range paths {
		fi, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, "", time.Time{}, err
		}
		if p == f.path && fi.ModTime().Equal(f.modTime) && fi.Size() == f.size {
			return f.data, f.etag, f.modTime, nil
		}
		data, err := readBounded(p)
		if err != nil {
			return nil, "", time.Time{}, err
		}
		// A file that is not sysobject.ids would make every agent
		// identify devices worse: refuse it rather than serve it.
		if _, err := snmp.ParseSysObjectIDs(bytes.NewReader(data)); err != nil {
			return nil, "", time.Time{}, fmt.Errorf("%s: %w", p, err)
		}
		sum := sha256.Sum256(data)
		f.path, f.modTime, f.size, f.data = p, fi.ModTime(), fi.Size(), data
		f.etag = `"` + hex.EncodeToString(sum[:16]) + `"`
		return f.data, f.etag, f.modTime, nil
	}
	return nil, "", time.Time{}, errNoSysObjectIDs
}

func readBounded(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, api.MaxSysObjectIDsBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > api.MaxSysObjectIDsBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, api.MaxSysObjectIDsBytes)
	}
	return data, nil
}

// sysObjectIDs is GET api.PathSysObjectIDs: the collector's sysobject.ids
// for an agent running network tasks, with an ETag so an agent that has
// it already gets a 304.
func (s *Server) sysObjectIDs(w http.ResponseWriter, r *http.Request) {
	if s.opts.SysObjectSync != nil {
		if err := s.opts.SysObjectSync(r.Context()); err != nil {
			s.log.Warn("sysobject.ids not synchronised from the database; serving this collector's copy", "err", err)
		}
	}
	paths := DefaultSysObjectIDs()
	configured := s.opts.SysObjectIDs
	if s.opts.SysObjectPath != nil {
		configured = s.opts.SysObjectPath()
	}
	if configured != "" {
		paths = []string{configured}
	}
	data, etag, mod, err := s.sysobj.load(paths)
	switch {
	case errors.Is(err, errNoSysObjectIDs):
		writeError(w, http.StatusNotFound, "this collector has no sysobject.ids: give it one with `parc-collector snmp update-ids FILE`"+
			" or install it at /usr/share/parc-collector/sysobject.ids; agents then identify devices from sysDescr and MIB probing only", nil)
		return
	case err != nil:
		s.log.Error("read sysobject.ids", "err", err)
		writeError(w, http.StatusInternalServerError, "the collector's sysobject.ids cannot be read; see its log", nil)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "private, no-cache")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	// ServeContent answers If-None-Match with 304 and HEAD without a body.
	http.ServeContent(w, r, "sysobject.ids", mod, bytes.NewReader(data))
}
