package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/parcproject/parc/collector/store"
)

// softwarePerPage is the catalogue's page size.
const softwarePerPage = 50

type softwareListData struct {
	Query    string
	Software []store.Software
	Total    int
	Pager    pager
}

// softwareList is the catalogue: every software with its number of
// versions and installations, searchable by name or publisher.
func (s *Server) softwareList(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	page := queryInt(r, "page", 1, 1, 1_000_000)
	res, err := s.st.ListSoftware(r.Context(), store.SoftwareFilter{Query: q, Limit: softwarePerPage, Offset: (page - 1) * softwarePerPage})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := url.Values{}
	if q != "" {
		v.Set("q", q)
	}
	v.Set("page", strconv.Itoa(page))
	d := softwareListData{Query: q, Software: res.Software, Total: res.Total,
		Pager: newPager("/software?"+v.Encode(), page, softwarePerPage, res.Total)}
	s.render(w, r, http.StatusOK, "software_list", s.newPage(r, "software.title", "software", d))
}
