package inventory_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parcproject/parc/pkg/inventory"
)

// BenchmarkParse decodes and validates the largest upstream computer
// example, the collector's per-report parsing cost.
func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(filepath.Dir(examples), "computer_1.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := inventory.Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
