package store

import "sync"

// softwareCacheMax bounds the entries of a softwareCache; a full cache is
// emptied and fills again with what reports carry.
const softwareCacheMax = 1 << 18

// softwareCache remembers catalogue IDs (software by name and publisher,
// versions by software and version) for SQLite's batch transactions, so a
// report's ~150 installed programs cost no lookup once the park's common
// software is known. Catalogue rows are never deleted or renamed, and only
// rows found by a lookup are remembered: a lookup sees rows committed, or
// written by earlier calls of the running batch whose savepoints were
// released. Those vanish only if the whole batch fails to commit, and then
// the batcher empties the cache. It is never used on PostgreSQL, where
// other collectors write the same tables.
type softwareCache struct {
	mu       sync.Mutex
	software map[swKey]int64
	versions map[verKey]int64
}

type swKey struct{ name, publisher string }

type verKey struct {
	softwareID int64
	version    string
}

func newSoftwareCache() *softwareCache {
	c := &softwareCache{}
	c.reset()
	return c
}

// reset forgets everything.
func (c *softwareCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.software, c.versions = map[swKey]int64{}, map[verKey]int64{}
}

// resolve puts the known version IDs of keys in out and returns the keys
// it does not know. A nil cache knows nothing.
func (c *softwareCache) resolve(keys []SoftwareKey, out map[SoftwareKey]int64) []SoftwareKey {
	if c == nil {
		return keys
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var miss []SoftwareKey
	for _, k := range keys {
		sid, ok := c.software[swKey{k.Name, k.Publisher}]
		if ok {
			var vid int64
			if vid, ok = c.versions[verKey{sid, k.Version}]; ok {
				out[k] = vid
			}
		}
		if !ok {
			miss = append(miss, k)
		}
	}
	return miss
}

func (c *softwareCache) addSoftware(name, publisher string, id int64) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.bound()
	c.software[swKey{name, publisher}] = id
}

func (c *softwareCache) addVersion(softwareID int64, version string, id int64) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.bound()
	c.versions[verKey{softwareID, version}] = id
}

// bound empties a full cache; c.mu is held.
func (c *softwareCache) bound() {
	if len(c.software)+len(c.versions) >= softwareCacheMax {
		c.software, c.versions = map[swKey]int64{}, map[verKey]int64{}
	}
}
