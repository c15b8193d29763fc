package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	assets "github.com/parcproject/parc/web"
)

// staticPrefix is where static files are served: /static/<hash>/<path>.
// The hash is the file's own, so a URL never changes meaning and browsers
// may cache it for a year.
const staticPrefix = "/static/"

type staticFile struct {
	data  []byte
	hash  string
	ctype string
}

// staticFiles are the embedded static files, indexed by path.
type staticFiles struct {
	files map[string]*staticFile
}

func newStaticFiles() (*staticFiles, error) {
	sf := &staticFiles{files: map[string]*staticFile{}}
	fsys := assets.Static()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = http.DetectContentType(data)
		}
		sf.files[p] = &staticFile{data: data, hash: hex.EncodeToString(sum[:6]), ctype: ctype}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("index static files: %w", err)
	}
	return sf, nil
}

// url returns the checksummed URL of a static file; a missing file is an
// error, so a template naming one fails at start-up.
func (sf *staticFiles) url(p string) (string, error) {
	f, ok := sf.files[p]
	if !ok {
		return "", fmt.Errorf("no static file %q", p)
	}
	return staticPrefix + f.hash + "/" + p, nil
}

func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request) {
	hash, p, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, staticPrefix), "/")
	f, ok := s.static.files[p]
	if !ok || f.hash != hash {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("ETag", `"`+f.hash+`"`)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.data))
}
