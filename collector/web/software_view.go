package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/parcproject/parc/collector/store"
)

// installsPerPage is how many machines the software page lists at once.
const installsPerPage = 100

type softwareViewData struct {
	Software *store.Software
	Versions []store.SoftwareVersion
	Installs []store.AssetInstallation
	Pager    pager
	ParkURL  string
}

// softwareView shows one software: its versions with their install
// counts, and the machines that have it.
func (s *Server) softwareView(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sw, err := s.st.GetSoftware(ctx, pathID(r))
	if errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	page := queryInt(r, "page", 1, 1, 1_000_000)
	d := softwareViewData{Software: sw, ParkURL: "/assets?software=" + url.QueryEscape(sw.Name),
		Pager: newPager("/software/"+itoa64(sw.ID)+"?page="+strconv.Itoa(page), page, installsPerPage, sw.Installs)}
	if d.Versions, err = s.st.SoftwareVersions(ctx, sw.ID); err != nil {
		s.serverError(w, r, err)
		return
	}
	if d.Installs, err = s.st.SoftwareInstallations(ctx, sw.ID, installsPerPage, (page-1)*installsPerPage); err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "software.title", "software", d)
	p.Title = sw.Name
	s.render(w, r, http.StatusOK, "software_view", p)
}
