package web

import (
	"net/http"

	"github.com/parcproject/parc/collector/snmppoll"
)

// networkSysObjectData is the sysobject.ids page: the copy in use and the
// upload form, with the reason of a refused upload.
type networkSysObjectData struct {
	Info     snmppoll.SysObjectInfo
	Error    string // why the last upload was refused, naming the line
	Uploaded bool   // the last upload was installed
}

// networkSysObject shows the sysobject.ids discovery uses (entries, date,
// who uploaded it) and a form to replace it.
func (s *Server) networkSysObject(w http.ResponseWriter, r *http.Request) {
	s.renderSysObject(w, r, http.StatusOK, networkSysObjectData{Uploaded: r.URL.Query().Get("uploaded") == "1"})
}

func (s *Server) renderSysObject(w http.ResponseWriter, r *http.Request, status int, d networkSysObjectData) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	info, err := n.SysObjectIDsInfo(r.Context())
	if err != nil {
		s.log.Warn("describe sysobject.ids", "err", err)
	}
	d.Info = info
	s.render(w, r, status, "network_sysobject", s.newPage(r, "snmp.sysobject_title", "network", d))
}
