package web

import (
	"net/http"
	"slices"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// assetImport turns an unmanaged host into a managed asset of the type the
// technician picks; the asset keeps its ID, MACs and history, and its
// next SNMP inventory reconciles onto it.
func (s *Server) assetImport(w http.ResponseWriter, r *http.Request) {
	a, ok := s.loadAsset(w, r)
	if !ok {
		return
	}
	typ := r.PostForm.Get("type")
	if a.Type != store.TypeUnmanaged || !slices.Contains(importTypes, typ) {
		s.errorPage(w, r, http.StatusBadRequest, "net.import_invalid")
		return
	}
	now := time.Now().UTC()
	err := s.st.WithTx(r.Context(), func(q store.Queries) error {
		cur, err := q.GetAsset(r.Context(), a.ID)
		if err != nil {
			return err
		}
		if cur.Type != store.TypeUnmanaged {
			return nil // imported meanwhile by someone else: nothing to do
		}
		cur.Type, cur.UpdatedAt = typ, now
		if err := q.UpdateAsset(r.Context(), cur); err != nil {
			return err
		}
		return q.AddHistory(r.Context(), []store.HistoryEntry{{AssetID: a.ID, Actor: actor(r), Field: "type",
			OldValue: store.TypeUnmanaged, NewValue: typ, At: now}})
	})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("unmanaged asset imported", "asset_id", a.ID, "type", typ, "user", actor(r))
	redirect(w, r, "/assets/"+itoa64(a.ID))
}
