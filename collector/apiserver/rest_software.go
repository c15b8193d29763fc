package apiserver

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/store"
)

func (s *Server) listSoftware(w http.ResponseWriter, r *http.Request) {
	f, perr := softwareFilter(r.URL.Query())
	if perr != nil {
		writeError(w, http.StatusBadRequest, "invalid query parameter "+perr.Name, perr.fields())
		return
	}
	page, err := s.st.ListSoftware(r.Context(), f)
	if err != nil {
		s.internalError(w, "REST list software", err)
		return
	}
	out := SoftwareListJSON{Total: page.Total, Items: make([]SoftwareJSON, len(page.Software))}
	for i := range page.Software {
		out.Items[i] = softwareJSON(&page.Software[i])
	}
	writeJSON(w, http.StatusOK, out)
}

// getSoftware answers a software with its versions and one page of the
// assets that have it (limit and offset page the installations; the
// total is software.installs).
func (s *Server) getSoftware(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	p := &params{v: r.URL.Query()}
	limit, offset := p.count("limit", 100, 1, maxPage), p.count("offset", 0, 0, 1<<31-1)
	if p.err != nil {
		writeError(w, http.StatusBadRequest, "invalid query parameter "+p.err.Name, p.err.fields())
		return
	}
	ctx := r.Context()
	sw, err := s.st.GetSoftware(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no software "+strconv.FormatInt(id, 10), nil)
		return
	}
	if err != nil {
		s.internalError(w, "REST get software", err)
		return
	}
	vers, err := s.st.SoftwareVersions(ctx, id)
	if err != nil {
		s.internalError(w, "REST software versions", err)
		return
	}
	ins, err := s.st.SoftwareInstallations(ctx, id, limit, offset)
	if err != nil {
		s.internalError(w, "REST software installations", err)
		return
	}
	out := SoftwareDetailJSON{Software: softwareJSON(sw),
		Versions: make([]SoftwareVersionJSON, len(vers)), Installations: make([]AssetInstallationJSON, len(ins))}
	for i, v := range vers {
		out.Versions[i] = SoftwareVersionJSON{ID: v.ID, Version: v.Version, Installs: v.Installs}
	}
	for i, in := range ins {
		out.Installations[i] = AssetInstallationJSON{AssetID: in.AssetID, AssetName: in.AssetName,
			AssetType: in.AssetType, Version: in.Version, Arch: in.Arch}
	}
	writeJSON(w, http.StatusOK, out)
}
