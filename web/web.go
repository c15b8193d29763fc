// Package web holds parc-collector's web UI files, embedded in the binary:
// html/template templates and static assets (CSS, JavaScript, and the
// front-end libraries vendored from npm under static/vendor). It has no
// logic; collector/web parses and serves them.
package web

import (
	"embed"
	"io/fs"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Templates returns the template files, at the root of the returned FS.
func Templates() fs.FS {
	sub, err := fs.Sub(templateFS, "templates")
	if err != nil {
		panic(err) // the directory is embedded: it always exists
	}
	return sub
}

// Static returns the static files, at the root of the returned FS.
func Static() fs.FS {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	return sub
}
