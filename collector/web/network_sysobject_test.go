package web

import (
	"net/http"
	"os"
	"strconv"
	"testing"

	"github.com/parcproject/parc/collector/store"
)

// An administrator sees the sysobject.ids in use and replaces it; a file
// with a bad line is refused naming the line, and changes nothing.
func TestNetworkSysObjectUpload(t *testing.T) {
	e := newEnv(t)
	svc := e.withNetwork()
	admin := e.as(store.RoleAdmin)
	_, body := admin.get("/network")
	wantIn(t, body, `id="sysobject-link"`)
	_, body = admin.get("/network/sysobject-ids")
	shipped, err := svc.SysObjectIDsInfo(ctx)
	if err != nil || shipped.Entries < 1000 || shipped.Shared {
		t.Fatalf("before any upload: %+v, %v; want the shipped file", shipped, err)
	}
	wantIn(t, body, `id="sysobject-entries">`+strconv.Itoa(shipped.Entries)+"<", "file shipped with Parc", `enctype="multipart/form-data"`)

	resp, body := admin.upload("/network/sysobject-ids", "sysobject.ids", []byte("9.1.1\tCisco\tNetworking\tC2500\n9.1.x\tCisco\n"))
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantIn(t, body, `id="sysobject-error"`, "line 2", `id="sysobject-entries">`+strconv.Itoa(shipped.Entries)+"<")
	admin.post("/lang", map[string][]string{"lang": {"fr"}})
	resp, body = admin.upload("/network/sysobject-ids", "sysobject.ids", []byte("# head\n9.1.1 Cisco\n"))
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantIn(t, body, "ligne 2", "Fichier refusé")
	resp, body = admin.upload("/network/sysobject-ids", "sysobject.ids", nil)
	wantStatus(t, resp, http.StatusUnprocessableEntity)
	wantIn(t, body, `id="sysobject-error"`)

	data, err := os.ReadFile("../../../shared/fixtures/sysobject.ids")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, []byte("\n99999.1.2\tParc Test\tPrinter\tTP-1\n")...)
	resp, _ = admin.upload("/network/sysobject-ids", "sysobject.ids", data)
	wantStatus(t, resp, http.StatusSeeOther)
	_, body = admin.get(resp.Header.Get("Location"))
	info, err := svc.SysObjectIDsInfo(ctx)
	if err != nil || !info.Shared || info.Entries != shipped.Entries+1 || info.By != store.RoleAdmin {
		t.Fatalf("after the upload: %+v, %v; want the shared copy with one more entry, by admin", info, err)
	}
	wantIn(t, body, `id="sysobject-uploaded"`, `id="sysobject-entries">`+strconv.Itoa(info.Entries)+"<", "envoyée par un administrateur (admin)")
}
