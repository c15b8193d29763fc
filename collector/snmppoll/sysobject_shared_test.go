package snmppoll_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store/storetest"
)

// Two collectors on one database: a sysobject.ids uploaded through one is
// the one the other uses and serves, from its own data directory.
func TestSysObjectIDsSharedByCollectors(t *testing.T) {
	for _, d := range storetest.Dialects {
		t.Run(d, func(t *testing.T) {
			st := storetest.Open(t, d)
			ctx := context.Background()
			key, err := snmppoll.LoadKey(t.TempDir(), "")
			if err != nil {
				t.Fatal(err)
			}
			shipped := "../../../shared/fixtures/sysobject.ids"
			var svcs [2]*snmppoll.Service
			var dirs [2]string
			for i := range svcs {
				dirs[i] = t.TempDir()
				if svcs[i], err = snmppoll.New(st, nil, quiet, snmppoll.Options{DataDir: dirs[i], Key: key, SysObjectIDs: shipped}); err != nil {
					t.Fatal(err)
				}
			}
			before, err := svcs[1].SysObjectIDsInfo(ctx)
			if err != nil || before.Shared || before.Path != shipped {
				t.Fatalf("before the upload: %+v, %v; want the shipped file", before, err)
			}
			data, err := os.ReadFile(shipped)
			if err != nil {
				t.Fatal(err)
			}
			data = append(data, []byte("99999.7\tParc Test\tPrinter\tTP-7\n")...)
			if _, err := svcs[0].UploadSysObjectIDs(ctx, data, "alice"); err != nil {
				t.Fatal(err)
			}
			got, err := svcs[1].SysObjectIDsInfo(ctx)
			if err != nil || !got.Shared || got.Entries != before.Entries+1 || got.By != "alice" {
				t.Fatalf("the other collector: %+v, %v; want the shared copy by alice with %d entries", got, err, before.Entries+1)
			}
			copyB, err := os.ReadFile(filepath.Join(dirs[1], snmppoll.SysObjectFile))
			if err != nil || !bytes.Equal(copyB, data) {
				t.Errorf("the other collector's copy: %d bytes, %v; want the uploaded %d bytes", len(copyB), err, len(data))
			}
			if path := snmppoll.SysObjectPath(dirs[1], shipped); path != filepath.Join(dirs[1], snmppoll.SysObjectFile) {
				t.Errorf("the other collector loads %s; want its data directory's copy", path)
			}
			// A bad file changes nothing, anywhere.
			if _, err := svcs[1].UploadSysObjectIDs(ctx, []byte("1.2\tA\nbad line\n"), "bob"); err == nil {
				t.Fatal("a file with a bad line was accepted")
			}
			if again, _ := svcs[0].SysObjectIDsInfo(ctx); again.By != "alice" || again.Entries != got.Entries {
				t.Errorf("after a refused upload: %+v; want alice's copy still", again)
			}
		})
	}
}
