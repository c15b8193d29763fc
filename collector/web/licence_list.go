package web

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// licenceSoftwareChoices caps the software the new-licence form offers at
// once: the form's search narrows the choice, so a park of 100,000
// software is searched, not listed.
const licenceSoftwareChoices = 50

func init() {
	pageNames = append(pageNames, "licence_list")
}

// licenceRow is a licence as the list shows it.
type licenceRow struct {
	store.LicenceUsage
	Expired bool
}

// licenceForm is the new-licence form as posted, with an error message
// per wrong field (already translated).
type licenceForm struct {
	SoftwareID int64
	Name       string
	Seats      string
	ExpiresOn  string
	Comment    string
	// SoftwareQuery is the search that narrowed the software offered, kept
	// when the form is shown again.
	SoftwareQuery string
	Errors        map[string]string
}

type licenceListData struct {
	Licences []licenceRow
	OverOnly bool
	Over     int              // over-used licences among all, whatever the filter
	Software []store.Software // the choice offered, narrowed by Form.SoftwareQuery
	// SoftwareTotal is how many software match the search; more than
	// Software holds asks for a narrower search.
	SoftwareTotal int
	Form          licenceForm
}

// licenceList shows every licence with the seats it grants and the
// installations that use them, flagging over-use; over=1 keeps only the
// over-used ones.
func (s *Server) licenceList(w http.ResponseWriter, r *http.Request) {
	s.renderLicences(w, r, http.StatusOK, licenceForm{SoftwareQuery: strings.TrimSpace(r.URL.Query().Get("sw"))})
}

func (s *Server) renderLicences(w http.ResponseWriter, r *http.Request, status int, form licenceForm) {
	ctx := r.Context()
	lq, err := store.Licences(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	day := s.now().Format(time.DateOnly)
	us, err := lq.LicenceUsages(ctx, 0, day)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d := licenceListData{OverOnly: r.URL.Query().Get("over") == "1", Form: form}
	for _, u := range us {
		if u.Over {
			d.Over++
		}
		if !d.OverOnly || u.Over {
			d.Licences = append(d.Licences, licenceRow{LicenceUsage: u, Expired: u.Expired(day)})
		}
	}
	if hasRole(r, store.RoleTechnician) {
		if err := s.licenceSoftwareChoice(r, &d); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	s.render(w, r, status, "licence_list", s.newPage(r, "licence.title", "licences", d))
}

// licenceSoftwareChoice fills the software the form offers: the first
// matches of the form's search, and the software already chosen (a form
// shown again after an error) even if the search no longer finds it.
func (s *Server) licenceSoftwareChoice(r *http.Request, d *licenceListData) error {
	ctx := r.Context()
	page, err := s.st.ListSoftware(ctx, store.SoftwareFilter{Query: d.Form.SoftwareQuery, Limit: licenceSoftwareChoices})
	if err != nil {
		return err
	}
	d.Software, d.SoftwareTotal = page.Software, page.Total
	if id := d.Form.SoftwareID; id > 0 && !slices.ContainsFunc(d.Software, func(sw store.Software) bool { return sw.ID == id }) {
		sw, err := s.st.GetSoftware(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			return nil // the form names it as wrong
		}
		if err != nil {
			return err
		}
		d.Software = append([]store.Software{*sw}, d.Software...)
	}
	return nil
}
