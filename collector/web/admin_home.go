package web

import (
	"net/http"
	"strconv"

	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/i18n"
)

func init() {
	layoutFiles = append(layoutFiles, "admin_partials.html")
	pageNames = append(pageNames, "admin_home", "admin_groups", "admin_categories", "admin_users")
}

// adminHomeData is the administration's home: the helpdesk settings and
// the priority matrix, with links to the other administration pages.
type adminHomeData struct {
	AutoCloseDays int // as the form shows it: 0 never
	MaxUploadMB   int
	MaxUploadCap  int
	Matrix        helpdesk.Matrix
	Default       bool // the matrix in force is GLPI's default
	Levels        []int
	Priorities    []int
	Error, Saved  string
}

func (s *Server) adminHome(w http.ResponseWriter, r *http.Request) {
	s.renderAdminHome(w, r, http.StatusOK, "", nil)
}

// renderAdminHome shows the page; edited, when set, is a matrix the
// administrator posted that was refused, shown again to be corrected.
func (s *Server) renderAdminHome(w http.ResponseWriter, r *http.Request, status int, msg string, edited *helpdesk.Matrix) {
	ctx := r.Context()
	d := adminHomeData{Levels: []int{1, 2, 3, 4, 5}, Priorities: []int{1, 2, 3, 4, 5, 6}, Error: msg,
		MaxUploadCap: helpdesk.MaxUploadMB}
	if saved := r.URL.Query().Get("saved"); saved == "settings" || saved == "matrix" {
		d.Saved = i18n.T(state(r).lang, "admin.saved")
	}
	delay, err := s.autoCloseDelay(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if delay >= 0 {
		d.AutoCloseDays = int(delay.Hours() / 24)
	}
	limit, err := s.uploadLimit(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	d.MaxUploadMB = int(limit >> 20)
	if d.Matrix, err = s.priorityMatrix(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	d.Default = d.Matrix == helpdesk.DefaultMatrix
	if edited != nil {
		d.Matrix = *edited
	}
	s.render(w, r, status, "admin_home", s.newPage(r, "admin.title", "admin", d))
}

// adminSettingsSave stores the auto-close delay (days, 0 never) and the
// attachment size limit (MiB).
func (s *Server) adminSettingsSave(w http.ResponseWriter, r *http.Request) {
	lang := state(r).lang
	days, err1 := strconv.Atoi(r.PostForm.Get("autoclose_days"))
	stored, err2 := helpdesk.AutoCloseDaysForm(days)
	if err1 != nil || err2 != nil {
		s.renderAdminHome(w, r, http.StatusBadRequest, i18n.T(lang, "admin.bad_autoclose", helpdesk.MaxAutoCloseDays), nil)
		return
	}
	mb, err := helpdesk.ParseMaxUploadMB(r.PostForm.Get("max_upload_mb"))
	if err != nil {
		s.renderAdminHome(w, r, http.StatusBadRequest, i18n.T(lang, "admin.bad_upload", helpdesk.MaxUploadMB), nil)
		return
	}
	ctx := r.Context()
	if err := s.st.SetSetting(ctx, SettingAutoCloseDays, stored); err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := s.st.SetSetting(ctx, SettingMaxUploadMB, strconv.Itoa(mb)); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("helpdesk settings changed", "autoclose_days", stored, "max_upload_mb", mb, "by", actor(r))
	redirect(w, r, "/admin?saved=settings")
}
