package apiserver

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/parcproject/parc/collector/store"
)

// REST API paths, for users' scripts and integrations (API tokens), as
// opposed to the agent API of pkg/api.
const (
	PathAssets   = "/api/v1/assets"
	PathSoftware = "/api/v1/software"
)

// restRoutes mounts the REST API: views of the park for any token whose
// user may read the park (observer and above), and licence records.
func (s *Server) restRoutes(r chi.Router) {
	r.Group(func(r chi.Router) {
		r.Use(s.tokenAuth)
		r.Group(func(r chi.Router) {
			r.Use(requireRole(store.RoleObserver))
			r.Get(PathAssets, s.listAssets)
			r.Get(PathAssets+"/{id}", s.getAsset)
			r.Get(PathSoftware, s.listSoftware)
			r.Get(PathSoftware+"/{id}", s.getSoftware)
		})
		s.licenceRoutes(r)
	})
}

func (s *Server) listAssets(w http.ResponseWriter, r *http.Request) {
	f, perr := assetFilter(r.URL.Query())
	if perr != nil {
		writeError(w, http.StatusBadRequest, "invalid query parameter "+perr.Name, perr.fields())
		return
	}
	page, err := s.st.ListAssets(r.Context(), f)
	if err != nil {
		s.internalError(w, "REST list assets", err)
		return
	}
	out := AssetListJSON{Total: page.Total, Items: make([]AssetJSON, len(page.Assets))}
	for i := range page.Assets {
		out.Items[i] = assetJSON(&page.Assets[i])
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) getAsset(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	a, err := s.st.GetAsset(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no asset "+strconv.FormatInt(id, 10), nil)
		return
	}
	if err != nil {
		s.internalError(w, "REST get asset", err)
		return
	}
	out := AssetDetailJSON{Asset: assetJSON(a), Sections: map[string][]json.RawMessage{}, Software: []InstallationJSON{}}
	comps, err := s.st.Components(ctx, id, "")
	if err != nil {
		s.internalError(w, "REST asset components", err)
		return
	}
	for _, c := range comps {
		out.Sections[c.Section] = append(out.Sections[c.Section], json.RawMessage(c.Data))
	}
	ins, err := s.st.Installations(ctx, id)
	if err != nil {
		s.internalError(w, "REST asset installations", err)
		return
	}
	for _, in := range ins {
		out.Software = append(out.Software, installationJSON(in))
	}
	ag, err := s.st.GetAgentByAsset(ctx, id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.internalError(w, "REST asset agent", err)
		return
	}
	out.Agent = agentJSON(ag)
	if out.Network, err = s.networkJSON(ctx, id); err != nil {
		s.internalError(w, "REST asset network", err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// pathID reads the {id} of the route; a bad one is answered with 400.
func pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	s := chi.URLParam(r, "id")
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		perr := &paramError{Name: "id", Reason: "want a positive integer ID, got " + strconv.Quote(s)}
		writeError(w, http.StatusBadRequest, "invalid path parameter id", perr.fields())
		return 0, false
	}
	return id, true
}
