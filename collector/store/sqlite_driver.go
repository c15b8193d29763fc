package store

import (
	"database/sql"
	"database/sql/driver"
	"strconv"

	"github.com/mattn/go-sqlite3"
)

// sqliteDriver is mattn/go-sqlite3 with the connection settings its DSN
// cannot carry.
const sqliteDriver = "sqlite3_parc"

// sqliteMmapSize is how much of the database file SQLite reads through a
// memory map instead of read() calls into its small page cache: a park
// list's search scans a 12 MB index at 100,000 assets, and half of its
// time went to system calls; ingest's B-tree lookups gain the same way.
// Writes still go through the write-ahead log.
const sqliteMmapSize = 256 << 20

// sqlitePointDriver is mattn/go-sqlite3 without the memory map, for the
// point reads of the agents' requests (see queries.pr). In WAL mode a
// connection drops its whole map (munmap, then faults and TLB flushes on
// every CPU to map it again) at the first read after any commit, which
// under ingest is every read: a token lookup after a write cost 285-432 us
// with the map and 136-153 us without it (a write then a lookup, 3,000
// times, on the loaded 2-core machine).
const sqlitePointDriver = "sqlite3_parc_point"

func init() {
	sql.Register(sqliteDriver, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			_, err := c.Exec("PRAGMA mmap_size = "+strconv.Itoa(sqliteMmapSize), []driver.Value{})
			return err
		},
	})
	sql.Register(sqlitePointDriver, &sqlite3.SQLiteDriver{})
}
