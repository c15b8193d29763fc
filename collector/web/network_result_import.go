package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
)

// networkResultImport imports a device a run found but did not import,
// then shows the run again.
func (s *Server) networkResultImport(w http.ResponseWriter, r *http.Request) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	id := pathID(r)
	assetID, err := n.ImportResult(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound) || id == 0:
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	case errors.Is(err, snmppoll.ErrNothingToImport):
		s.errorPage(w, r, http.StatusConflict, "snmp.nothing_to_import")
		return
	case err != nil:
		s.serverError(w, r, err)
		return
	}
	s.log.Info("SNMP device imported", "snmp_result_id", id, "asset_id", assetID, "by", actor(r))
	redirect(w, r, "/assets/"+strconv.FormatInt(assetID, 10))
}
