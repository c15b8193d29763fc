package web

import (
	"errors"
	"io"
	"net/http"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/snmp"
)

// networkSysObjectUpload replaces the site's sysobject.ids with the
// uploaded file ("file" field) once it reads without an error; a refused
// file shows again the page with the reason, naming the line.
func (s *Server) networkSysObjectUpload(w http.ResponseWriter, r *http.Request) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	lang := state(r).lang
	refuse := func(reason string) {
		s.renderSysObject(w, r, http.StatusUnprocessableEntity, networkSysObjectData{Error: reason})
	}
	if r.MultipartForm == nil {
		refuse(i18n.T(lang, "snmp.sysobject_no_file"))
		return
	}
	defer r.MultipartForm.RemoveAll()
	f, _, err := r.FormFile("file")
	if err != nil {
		refuse(i18n.T(lang, "snmp.sysobject_no_file"))
		return
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, api.MaxSysObjectIDsBytes+1))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if _, err := n.UploadSysObjectIDs(r.Context(), data, actor(r)); err != nil {
		s.log.Warn("sysobject.ids upload refused", "user", actor(r), "err", err)
		reason := err.Error()
		var le *snmp.SysObjectLineError
		if errors.As(err, &le) {
			reason = i18n.T(lang, "snmp.sysobject_line", le.Line, le.Reason)
		}
		refuse(i18n.T(lang, "snmp.sysobject_refused", reason))
		return
	}
	s.log.Info("sysobject.ids uploaded", "user", actor(r), "bytes", len(data))
	redirect(w, r, "/network/sysobject-ids?uploaded=1")
}
