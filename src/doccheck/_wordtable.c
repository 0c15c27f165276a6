/* _wordtable: jieba's word counts as one open-addressing hash table in a flat buffer (a
 * memory-mapped file shared by every process that checks text), and the loops that read it
 * hundreds of times per page: the best segmentation of a window (the typo detector's unigram
 * score) and the mask of characters some frequent word covers (its screen).
 *
 * The Python code in scoring.py and lexicon.py is the reference: the same programme, the same
 * arithmetic in the same order, so the two give bit-identical scores (tests hold them equal).
 *
 * Layout, native byte order, every part 4-byte aligned:
 *   header  magic "DCWTBL02", u32 nslots (a power of two > nentries), u32 nentries,
 *           u64 nchars, u32 maxlen, u32 reserved, u64 total (the sum of the counts)   40 bytes
 *   slots   u64[nslots]: the entry's hash << 32 | 1 + its index, 0 for an empty slot (a probe that
 *           meets another word's slot is told by the hash there, without reading the entry)
 *   entries {u32 hash, u32 offset, u32 len, u32 freq}[nentries], in the order given to build()
 *   chars   u32[nchars]: the words' code points, one after another
 * A file read from the cache is trusted only as far as its header: every index read from it
 * is checked before use, so a damaged file gives wrong counts at worst, never a crash. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define MAGIC "DCWTBL02"
#define HEADER 40
#define STACK 64 /* windows up to this many characters are scored on the stack */

typedef struct {
    uint32_t hash, offset, len, freq;
} entry_t;

static inline uint64_t h_step(uint64_t h, Py_UCS4 cp) { return (h ^ cp) * 0x100000001b3ULL; }
#define H_INIT 0xcbf29ce484222325ULL
static inline uint32_t h_final(uint64_t h) { return (uint32_t)(h ^ (h >> 32)); }

/* the bit of the pair a, b in a filter of 2**(64 - shift) bits */
static inline uint32_t pair_bit(Py_UCS4 a, Py_UCS4 b, unsigned shift) {
    return (uint32_t)((((uint64_t)a << 21) ^ b) * 0x9E3779B97F4A7C15ULL >> shift);
}

/* the 64-bit hash of s[0:n], before its fold into a table's 32 bits (hash_of) */
static inline uint64_t hash64_of(const Py_UCS4 *s, Py_ssize_t n) {
    uint64_t h = H_INIT;
    for (Py_ssize_t i = 0; i < n; i++) h = h_step(h, s[i]);
    return h;
}

static uint32_t hash_of(const Py_UCS4 *s, Py_ssize_t n) { return h_final(hash64_of(s, n)); }

typedef struct {
    PyObject_HEAD
    Py_buffer view;
    int has_view;
    uint32_t nslots, nentries, maxlen;
    uint64_t nchars, total;
    const uint64_t *slots;
    const entry_t *entries;
    const uint32_t *chars;
    double log_total;
    /* Filters made when the table is first scanned, so that a scan tests bits before it probes:
     * firsts, a bit per character of the BMP that is a key of one character; ones, those whose key
     * counts (a word of one character); pairs, a bit per hash of the first two characters of the keys
     * of two characters or more (a probe only where some key may start with the pair). */
    uint8_t *firsts, *ones;
    uint64_t *pairs;
    unsigned pair_shift;
    /* For a large table (jieba's: a probe there waits on memory), also: the count of each key of one
     * character of the BMP that counts, read from one array instead of probed (half the probes of a
     * segmentation); and a bit per hash of the first three characters of the keys of three or more (a
     * probe of three characters fails nine times in ten). NULL for a small table. */
    uint32_t *one_counts;
    uint64_t *triples;
} Table;

/* a[0:n] == s[0:n]; keys are short, and a loop beats a call of memcmp at this length */
static inline int same(const uint32_t *a, const Py_UCS4 *s, Py_ssize_t n) {
    for (Py_ssize_t k = 0; k < n; k++)
        if (a[k] != s[k]) return 0;
    return 1;
}

/* The entry of s[0:n] with hash h, or NULL. */
static const entry_t *find(const Table *t, uint32_t h, const Py_UCS4 *s, Py_ssize_t n) {
    uint32_t mask = t->nslots - 1, i = h & mask;
    for (uint32_t probes = 0; probes < t->nslots; probes++, i = (i + 1) & mask) {
        uint64_t v = t->slots[i];
        if (!v) return NULL;
        if ((uint32_t)(v >> 32) != h) continue;
        uint32_t e = (uint32_t)v;
        if (e == 0 || e > t->nentries) return NULL; /* damaged */
        const entry_t *en = &t->entries[e - 1];
        if (en->len == (uint64_t)n && (uint64_t)en->offset + en->len <= t->nchars && same(t->chars + en->offset, s, n))
            return en;
    }
    return NULL;
}

#define FIRSTS_BMP 65536

#define LARGE_TABLE 65536 /* entries from which a table gets one_counts and triples */

/* the bit of the first three characters a, b, c in a filter of 2**(64 - shift) bits */
static inline uint32_t triple_bit(Py_UCS4 a, Py_UCS4 b, Py_UCS4 c, unsigned shift) {
    return (uint32_t)((((uint64_t)a << 42) ^ ((uint64_t)b << 21) ^ c) * 0x9E3779B97F4A7C15ULL >> shift);
}

/* The table's filters (see Table), made once; 0, or -1 with an exception set. Every key's prefixes are
 * keys, so a key's first character is a key, and the first two (three) characters of a longer one too. */
static int filters_of(Table *t) {
    if (t->pairs) return 0;
    unsigned bits = 16;
    while (bits < 26 && (1ULL << bits) < 16ULL * t->nentries) bits++; /* a sixteenth of the bits set at most */
    int large = t->nentries >= LARGE_TABLE;
    uint8_t *firsts = PyMem_Calloc(FIRSTS_BMP / 8, 1), *ones = PyMem_Calloc(FIRSTS_BMP / 8, 1);
    uint64_t *pairs = PyMem_Calloc((size_t)1 << (bits - 6), 8);
    uint32_t *one_counts = large ? PyMem_Calloc(FIRSTS_BMP, sizeof(uint32_t)) : NULL;
    uint64_t *triples = large ? PyMem_Calloc((size_t)1 << (bits - 6), 8) : NULL;
    if (!firsts || !ones || !pairs || (large && (!one_counts || !triples))) {
        PyMem_Free(firsts);
        PyMem_Free(ones);
        PyMem_Free(pairs);
        PyMem_Free(one_counts);
        PyMem_Free(triples);
        PyErr_NoMemory();
        return -1;
    }
    unsigned shift = 64 - bits;
    for (uint32_t k = 0; k < t->nentries; k++) {
        const entry_t *e = &t->entries[k];
        if (e->len == 0 || (uint64_t)e->offset + e->len > t->nchars) continue;
        uint32_t c = t->chars[e->offset];
        if (e->len == 1 && c < FIRSTS_BMP) {
            firsts[c >> 3] |= (uint8_t)(1u << (c & 7));
            if (e->freq) ones[c >> 3] |= (uint8_t)(1u << (c & 7));
            if (one_counts) one_counts[c] = e->freq;
        } else if (e->len >= 2) {
            uint32_t b = pair_bit(c, t->chars[e->offset + 1], shift);
            pairs[b >> 6] |= 1ULL << (b & 63);
            if (triples && e->len >= 3) {
                b = triple_bit(c, t->chars[e->offset + 1], t->chars[e->offset + 2], shift);
                triples[b >> 6] |= 1ULL << (b & 63);
            }
        }
    }
    t->firsts = firsts;
    t->ones = ones;
    t->one_counts = one_counts;
    t->triples = triples;
    t->pairs = pairs;
    t->pair_shift = shift;
    return 0;
}

/* some key of two characters or more may start with a, b (no key does when 0) */
static inline int may_pair(const Table *t, Py_UCS4 a, Py_UCS4 b) {
    uint32_t k = pair_bit(a, b, t->pair_shift);
    return (int)(t->pairs[k >> 6] >> (k & 63) & 1);
}

static inline int has_bit(const uint8_t *bits, Py_UCS4 c) { return bits[c >> 3] >> (c & 7) & 1; }

/* some key of three characters or more may start with a, b, c (no key does when 0; 1 without triples) */
static inline int may_triple(const Table *t, Py_UCS4 a, Py_UCS4 b, Py_UCS4 c) {
    if (!t->triples) return 1;
    uint32_t k = triple_bit(a, b, c, t->pair_shift);
    return (int)(t->triples[k >> 6] >> (k & 63) & 1);
}

/* route[i] = the best log probability of s[i:], for i = start down to 0 (the entries right of
 * start are given); with nxt, where the best first word of s[i:] ends (ties go to the longer word,
 * as in jieba). scoring.UnigramScorer._routes is the reference. */
static void routes(const Table *t, const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t start, double *route,
                   Py_ssize_t *nxt) {
    const double lt = t->log_total;
    for (Py_ssize_t i = start; i >= 0; i--) {
        int have = 0;
        double best = 0.0;
        Py_ssize_t end = i + 1;
        uint64_t h = H_INIT;
        for (Py_ssize_t j = i + 1; j <= n; j++) {
            h = h_step(h, s[j - 1]);
            uint32_t freq;
            if (t->pairs && j == i + 1 && s[i] < FIRSTS_BMP) { /* the filters decide without a probe */
                if (!has_bit(t->firsts, s[i])) break;
                if (!has_bit(t->ones, s[i])) continue;
            } else if (t->pairs && j == i + 2 && !may_pair(t, s[i], s[i + 1])) {
                break;
            } else if (j == i + 3 && !may_triple(t, s[i], s[i + 1], s[i + 2])) {
                break;
            }
            if (j == i + 1 && t->one_counts && s[i] < FIRSTS_BMP) {
                freq = t->one_counts[s[i]];
            } else {
                const entry_t *e = find(t, h_final(h), s + i, j - i);
                if (!e) break; /* the dictionary holds every prefix of every word */
                freq = e->freq;
            }
            if (freq) {
                double v = (log((double)freq) - lt) + route[j];
                if (!have || v >= best) {
                    best = v;
                    end = j;
                    have = 1;
                }
            }
        }
        if (!have) best = -lt + route[i + 1]; /* the character alone, with frequency 1 */
        route[i] = best;
        if (nxt) nxt[i] = end;
    }
}

/* A UCS4 copy of a str, on the stack when it fits (buf holds STACK characters). */
static Py_UCS4 *ucs4(PyObject *s, Py_UCS4 *buf, Py_ssize_t *len) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    *len = n;
    if (n <= STACK) {
        if (n && !PyUnicode_AsUCS4(s, buf, STACK, 0)) return NULL;
        return buf;
    }
    return PyUnicode_AsUCS4Copy(s);
}

static void release(Py_UCS4 *p, Py_UCS4 *buf) {
    if (p != buf) PyMem_Free(p);
}

static double *doubles(Py_ssize_t n, double *buf) {
    if (n <= STACK + 1) return buf;
    double *p = PyMem_Calloc((size_t)n, sizeof(double));
    if (!p) PyErr_NoMemory();
    return p;
}

static void release_doubles(double *p, double *buf) {
    if (p != buf) PyMem_Free(p);
}

/* ---- the type ---- */

static int Table_init(Table *self, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"buffer", NULL};
    PyObject *obj;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O", kwlist, &obj)) return -1;
    if (self->has_view) {
        PyErr_SetString(PyExc_TypeError, "Table is initialised once");
        return -1;
    }
    if (PyObject_GetBuffer(obj, &self->view, PyBUF_SIMPLE) < 0) return -1;
    self->has_view = 1;
    const char *p = self->view.buf;
    Py_ssize_t size = self->view.len;
    if (size < HEADER || memcmp(p, MAGIC, 8) != 0) {
        PyErr_SetString(PyExc_ValueError, "not a word table");
        return -1;
    }
    uint32_t nslots, nentries, maxlen;
    uint64_t nchars;
    memcpy(&nslots, p + 8, 4);
    memcpy(&nentries, p + 12, 4);
    memcpy(&nchars, p + 16, 8);
    memcpy(&maxlen, p + 24, 4);
    uint64_t total;
    memcpy(&total, p + 32, 8);
    uint64_t need = HEADER + 8ULL * nslots + 16ULL * nentries + 4ULL * nchars;
    if (nslots == 0 || (nslots & (nslots - 1)) || nslots <= nentries || need != (uint64_t)size || total == 0 ||
        ((uintptr_t)p & 7)) {
        PyErr_SetString(PyExc_ValueError, "word table: damaged header");
        return -1;
    }
    self->nslots = nslots;
    self->nentries = nentries;
    self->nchars = nchars;
    self->maxlen = maxlen;
    self->slots = (const uint64_t *)(p + HEADER);
    self->entries = (const entry_t *)(p + HEADER + 8ULL * nslots);
    self->chars = (const uint32_t *)(p + HEADER + 8ULL * nslots + 16ULL * nentries);
    self->total = total;
    self->log_total = log((double)total);
    return 0;
}

static void Table_dealloc(Table *self) {
    PyMem_Free(self->firsts);
    PyMem_Free(self->ones);
    PyMem_Free(self->pairs);
    PyMem_Free(self->one_counts);
    PyMem_Free(self->triples);
    if (self->has_view) PyBuffer_Release(&self->view);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int ready(Table *self) {
    if (!self->has_view || !self->slots) {
        PyErr_SetString(PyExc_ValueError, "word table not initialised");
        return 0;
    }
    return 1;
}

/* the count of a word, -1 when it is not in the table (or is not a str) */
static long long lookup(Table *self, PyObject *word) {
    if (!PyUnicode_Check(word)) return -1;
    Py_UCS4 buf[STACK];
    Py_ssize_t n;
    Py_UCS4 *s = ucs4(word, buf, &n);
    if (!s) {
        PyErr_Clear();
        return -1;
    }
    const entry_t *e = n ? find(self, hash_of(s, n), s, n) : NULL;
    release(s, buf);
    return e ? (long long)e->freq : -1;
}

static PyObject *Table_get(Table *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs < 1 || nargs > 2) {
        PyErr_SetString(PyExc_TypeError, "get(word, default=None)");
        return NULL;
    }
    if (!ready(self)) return NULL;
    long long f = lookup(self, args[0]);
    if (f >= 0) return PyLong_FromLongLong(f);
    PyObject *d = nargs == 2 ? args[1] : Py_None;
    Py_INCREF(d);
    return d;
}

static PyObject *Table_subscript(Table *self, PyObject *word) {
    if (!ready(self)) return NULL;
    long long f = lookup(self, word);
    if (f >= 0) return PyLong_FromLongLong(f);
    PyErr_SetObject(PyExc_KeyError, word);
    return NULL;
}

static int Table_contains(Table *self, PyObject *word) {
    if (!ready(self)) return -1;
    return lookup(self, word) >= 0;
}

static Py_ssize_t Table_len(Table *self) { return self->has_view ? (Py_ssize_t)self->nentries : 0; }

static PyObject *Table_entry(Table *self, PyObject *arg) {
    if (!ready(self)) return NULL;
    Py_ssize_t i = PyLong_AsSsize_t(arg);
    if (i == -1 && PyErr_Occurred()) return NULL;
    if (i < 0 || (uint64_t)i >= self->nentries) {
        PyErr_SetString(PyExc_IndexError, "entry index out of range");
        return NULL;
    }
    const entry_t *e = &self->entries[i];
    int bad = (uint64_t)e->offset + e->len > self->nchars;
    for (uint32_t k = 0; !bad && k < e->len; k++) bad = self->chars[e->offset + k] > 0x10FFFF;
    if (bad) {
        PyErr_SetString(PyExc_ValueError, "word table: damaged entry");
        return NULL;
    }
    PyObject *w = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, self->chars + e->offset, e->len);
    if (!w) return NULL;
    return Py_BuildValue("(NK)", w, (unsigned long long)e->freq);
}

/* best_path(s): the log probability of the best segmentation of s */
static PyObject *Table_best_path(Table *self, PyObject *arg) {
    if (!ready(self) || filters_of(self) < 0) return NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "best_path() takes a str");
        return NULL;
    }
    Py_UCS4 buf[STACK];
    double rbuf[STACK + 1] = {0};
    Py_ssize_t n;
    Py_UCS4 *s = ucs4(arg, buf, &n);
    if (!s) return NULL;
    double *route = doubles(n + 1, rbuf);
    if (!route) {
        release(s, buf);
        return NULL;
    }
    route[n] = 0.0;
    routes(self, s, n, n - 1, route, NULL);
    double v = route[0];
    release_doubles(route, rbuf);
    release(s, buf);
    return PyFloat_FromDouble(v);
}

/* gains(window, k, n, replacements): for each replacement of window[k:k+n] (each n characters long),
 * the best path's log probability minus the window's as written. The part right of the replaced
 * characters is the same for every replacement, so it is computed once. */
static PyObject *Table_gains(Table *self, PyObject *args) {
    PyObject *window, *reps;
    Py_ssize_t k, n;
    if (!PyArg_ParseTuple(args, "UnnO", &window, &k, &n, &reps)) return NULL;
    if (!ready(self) || filters_of(self) < 0) return NULL;
    Py_ssize_t size = PyUnicode_GET_LENGTH(window);
    if (k < 0 || n < 1 || k + n > size) {
        PyErr_SetString(PyExc_ValueError, "gains(): window[k:k+n] out of range");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(reps, "gains(): replacements must be a sequence");
    if (!seq) return NULL;
    Py_UCS4 buf[STACK];
    double bbuf[STACK + 1], rbuf[STACK + 1];
    Py_ssize_t len;
    PyObject *out = NULL;
    double *base = NULL, *route = NULL;
    Py_UCS4 *s = ucs4(window, buf, &len);
    if (!s) goto done;
    if (!(base = doubles(size + 1, bbuf)) || !(route = doubles(size + 1, rbuf))) goto done;
    base[size] = 0.0;
    routes(self, s, size, size - 1, base, NULL);
    double written = base[0];
    Py_ssize_t m = PySequence_Fast_GET_SIZE(seq);
    if (!(out = PyList_New(m))) goto done;
    Py_UCS4 saved[STACK];
    Py_UCS4 *keep = n <= STACK ? saved : PyMem_Malloc((size_t)n * sizeof(Py_UCS4));
    if (!keep) {
        Py_CLEAR(out);
        PyErr_NoMemory();
        goto done;
    }
    memcpy(keep, s + k, (size_t)n * sizeof(Py_UCS4));
    for (Py_ssize_t r = 0; r < m; r++) {
        PyObject *rep = PySequence_Fast_GET_ITEM(seq, r);
        if (!PyUnicode_Check(rep) || PyUnicode_GET_LENGTH(rep) != n) {
            PyErr_SetString(PyExc_ValueError, "gains(): each replacement must be a str of n characters");
            Py_CLEAR(out);
            break;
        }
        for (Py_ssize_t c = 0; c < n; c++) s[k + c] = PyUnicode_READ_CHAR(rep, c);
        memcpy(route + k + n, base + k + n, (size_t)(size - k - n + 1) * sizeof(double));
        routes(self, s, size, k + n - 1, route, NULL);
        PyObject *g = PyFloat_FromDouble(route[0] - written);
        if (!g) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, r, g);
    }
    memcpy(s + k, keep, (size_t)n * sizeof(Py_UCS4));
    if (keep != saved) PyMem_Free(keep);
done:
    if (base) release_doubles(base, bbuf);
    if (route) release_doubles(route, rbuf);
    if (s) release(s, buf);
    Py_DECREF(seq);
    return out;
}

/* segment(s): the words of the best segmentation of s (jieba's cut without HMM on Han text) */
static PyObject *Table_segment(Table *self, PyObject *arg) {
    if (!ready(self) || filters_of(self) < 0) return NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "segment() takes a str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    Py_UCS4 *s = PyUnicode_AsUCS4Copy(arg);
    double *route = PyMem_Calloc((size_t)n + 1, sizeof(double));
    Py_ssize_t *nxt = PyMem_Calloc((size_t)n + 1, sizeof(Py_ssize_t));
    PyObject *out = NULL;
    if (!s || !route || !nxt) {
        if (!PyErr_Occurred()) PyErr_NoMemory();
        goto done;
    }
    routes(self, s, n, n - 1, route, nxt);
    if (!(out = PyList_New(0))) goto done;
    for (Py_ssize_t i = 0; i < n;) {
        PyObject *w = PyUnicode_Substring(arg, i, nxt[i]);
        if (!w || PyList_Append(out, w) < 0) {
            Py_XDECREF(w);
            Py_CLEAR(out);
            break;
        }
        Py_DECREF(w);
        i = nxt[i];
    }
done:
    PyMem_Free(s);
    PyMem_Free(route);
    PyMem_Free(nxt);
    return out;
}

/* ---- the language model's tokens: jieba's words, each as the model knows it ---- */

/* A set of strings (string_set) is a power of two of u64 slots, each 0 or the 64-bit hash of a member
 * (hash64_of; 1 for a hash of 0), placed by the hash's high bits after a multiply and
 * found by linear probing. Two strings share a 64-bit hash with odds of about 1 in 10**14 over the
 * set's hundred thousand members: exact in practice, at an eighth of a word table's size. */
static inline uint64_t set_hash(const Py_UCS4 *s, Py_ssize_t n) {
    uint64_t h = hash64_of(s, n);
    return h ? h : 1;
}

static inline uint64_t set_slot(uint64_t h, uint64_t mask) { return (h * 0x9E3779B97F4A7C15ULL >> 32) & mask; }

static int in_set(const uint64_t *slots, uint64_t mask, const Py_UCS4 *s, Py_ssize_t n) {
    uint64_t h = set_hash(s, n), i = set_slot(h, mask);
    for (uint64_t probes = 0; probes <= mask; probes++, i = (i + 1) & mask) {
        if (slots[i] == h) return 1;
        if (!slots[i]) return 0;
    }
    return 0;
}

/* string_set(strings): the bytes of a set of these strings, for known_words */
static PyObject *string_set(PyObject *Py_UNUSED(module), PyObject *arg) {
    PyObject *seq = PySequence_Fast(arg, "string_set() takes a sequence of str");
    if (!seq) return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    uint64_t nslots = 8;
    while (nslots < 2ULL * (uint64_t)count) nslots <<= 1; /* at most half full */
    PyObject *out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(8 * nslots));
    if (!out) goto done;
    uint64_t *slots = (uint64_t *)PyBytes_AS_STRING(out), mask = nslots - 1;
    memset(slots, 0, 8 * nslots);
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *w = PySequence_Fast_GET_ITEM(seq, k);
        Py_UCS4 buf[STACK];
        Py_ssize_t n;
        Py_UCS4 *s = PyUnicode_Check(w) ? ucs4(w, buf, &n) : NULL;
        if (!s) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "string_set() takes a sequence of str");
            Py_CLEAR(out);
            goto done;
        }
        uint64_t h = set_hash(s, n), i = set_slot(h, mask);
        release(s, buf);
        while (slots[i] && slots[i] != h) i = (i + 1) & mask;
        slots[i] = h;
    }
done:
    Py_DECREF(seq);
    return out;
}

/* The words of s[0:n]'s best segmentation (segment), each word that the string set (slots, mask) lacks
 * split from the left into the longest pieces of up to four characters it holds, else characters;
 * joined by spaces, as a new str (NULL with an error set). */
static PyObject *known_tokens(Table *self, const Py_UCS4 *s, Py_ssize_t n, const uint64_t *slots, uint64_t mask) {
    PyObject *out = NULL;
    Py_UCS4 obuf[2 * STACK], *o = NULL;
    double rbuf[STACK + 1], *route = NULL;
    Py_ssize_t nbuf[STACK + 1], *nxt = NULL;
    if (!(route = doubles(n + 1, rbuf))) goto done;
    nxt = n <= STACK ? nbuf : PyMem_Malloc((size_t)(n + 1) * sizeof(Py_ssize_t));
    o = n <= STACK ? obuf : PyMem_Malloc((size_t)(2 * n + 1) * sizeof(Py_UCS4));
    if (!nxt || !o) {
        PyErr_NoMemory();
        goto done;
    }
    route[n] = 0.0;
    routes(self, s, n, n - 1, route, nxt);
    Py_ssize_t len = 0;
    for (Py_ssize_t a = 0; a < n;) {
        Py_ssize_t b = nxt[a];
        if (b - a > 1 && !in_set(slots, mask, s + a, b - a)) {
            for (Py_ssize_t i = a; i < b;) { /* the longest piece the model has, or a character */
                Py_ssize_t j = b < i + 4 ? b : i + 4;
                while (j - i > 1 && !in_set(slots, mask, s + i, j - i)) j--;
                if (len) o[len++] = ' ';
                while (i < j) o[len++] = s[i++];
            }
        } else {
            if (len) o[len++] = ' ';
            while (a < b) o[len++] = s[a++];
        }
        a = b;
    }
    out = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, o, len);
done:
    if (route) release_doubles(route, rbuf);
    if (nxt && nxt != nbuf) PyMem_Free(nxt);
    if (o && o != obuf) PyMem_Free(o);
    return out;
}

/* The string set (string_set) in a buffer: its slots, and their mask; NULL with an error set. */
static const uint64_t *set_slots(Py_buffer *known, uint64_t *mask, const char *who) {
    uint64_t nslots = (uint64_t)known->len / 8;
    if (known->len % 8 || nslots == 0 || (nslots & (nslots - 1)) || (uintptr_t)known->buf % 8) {
        PyErr_Format(PyExc_ValueError, "%s: known is not a string set", who);
        return NULL;
    }
    *mask = nslots - 1;
    return known->buf;
}

/* known_words(s, known): the words of s's best segmentation (segment), each word that the set known
 * (string_set) lacks split from the left into the longest pieces of up to four characters it holds,
 * else characters; joined by spaces. language_model.WordLM.tokens is the reference, known being the
 * model's words among this table's words and their pieces. */
static PyObject *Table_known_words(Table *self, PyObject *args) {
    PyObject *text, *out = NULL;
    Py_buffer known;
    if (!PyArg_ParseTuple(args, "Uy*", &text, &known)) return NULL;
    Py_UCS4 buf[STACK], *s = NULL;
    Py_ssize_t n = 0;
    uint64_t mask;
    const uint64_t *slots;
    if (!ready(self) || filters_of(self) < 0 || !(slots = set_slots(&known, &mask, "known_words()"))) goto done;
    if (!(s = ucs4(text, buf, &n))) goto done;
    out = known_tokens(self, s, n, slots, mask);
done:
    if (s) release(s, buf);
    PyBuffer_Release(&known);
    return out;
}

static inline int is_han(Py_UCS4 c) { return c >= 0x4e00 && c <= 0x9fff; }

/* score(known_tokens(s)), a float; -1 with an error set (the score's own -1.0 is told by PyErr_Occurred) */
static double scored(Table *self, const Py_UCS4 *s, Py_ssize_t n, const uint64_t *slots, uint64_t mask,
                     PyObject *score) {
    PyObject *words = known_tokens(self, s, n, slots, mask);
    if (!words) return -1.0;
    PyObject *r = PyObject_CallFunctionObjArgs(score, words, Py_False, Py_False, NULL);
    Py_DECREF(words);
    if (!r) return -1.0;
    double v = PyFloat_AsDouble(r);
    Py_DECREF(r);
    return v;
}

/* lm_gain(text, i, candidate, known, score, written, width): language_model.WordLM.gain without merge,
 * in one call (the reference): the window of up to width Han characters either side of
 * text[i:i + len(candidate)], within the clause, scored as written (held in the dict written, by the
 * window, which is emptied at 4,096) and with candidate in its place, each as score(known_words(...),
 * False, False); the difference. None where the window or the candidate is not all Han (the reference's
 * other path). The model is asked about a few windows per suspect: this was most of asking. */
static PyObject *Table_lm_gain(Table *self, PyObject *args) {
    PyObject *text, *cand, *score, *written, *out = NULL, *window = NULL;
    Py_ssize_t i, width;
    Py_buffer known;
    if (!PyArg_ParseTuple(args, "UnUy*OO!n", &text, &i, &cand, &known, &score, &PyDict_Type, &written, &width))
        return NULL;
    uint64_t mask;
    const uint64_t *slots;
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), n = PyUnicode_GET_LENGTH(cand);
    if (!ready(self) || filters_of(self) < 0 || !(slots = set_slots(&known, &mask, "lm_gain()"))) goto done;
    if (i < 0 || n < 1 || i + n > len || width < 0) {
        PyErr_SetString(PyExc_ValueError, "lm_gain(): the candidate's span is not in the text");
        goto done;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t a = i, b = i + n, lo = i - width > 0 ? i - width : 0, hi = i + n + width < len ? i + n + width : len;
    while (a > lo && is_han(PyUnicode_READ(kind, data, a - 1))) a--;
    while (b < hi && is_han(PyUnicode_READ(kind, data, b))) b++;
    Py_UCS4 w[2 * STACK + 8], c[2 * STACK + 8]; /* a window holds at most 2 * width + n characters */
    Py_ssize_t m = b - a;
    if (m > (Py_ssize_t)(sizeof w / sizeof w[0])) {
        out = Py_NewRef(Py_None); /* a window this wide: the reference's path */
        goto done;
    }
    for (Py_ssize_t j = 0; j < m; j++) w[j] = c[j] = PyUnicode_READ(kind, data, a + j);
    for (Py_ssize_t j = 0; j < n; j++) c[i - a + j] = PyUnicode_READ_CHAR(cand, j);
    for (Py_ssize_t j = i - a; j < i - a + n; j++) {
        if (!is_han(w[j]) || !is_han(c[j])) {
            out = Py_NewRef(Py_None);
            goto done;
        }
    }
    if (!(window = PyUnicode_Substring(text, a, b))) goto done;
    double before;
    PyObject *held = PyDict_GetItemWithError(written, window);
    if (held) {
        before = PyFloat_AsDouble(held);
        if (before == -1.0 && PyErr_Occurred()) goto done;
    } else {
        if (PyErr_Occurred()) goto done;
        before = scored(self, w, m, slots, mask, score);
        if (before == -1.0 && PyErr_Occurred()) goto done;
        if (PyDict_GET_SIZE(written) >= 4096) PyDict_Clear(written);
        PyObject *v = PyFloat_FromDouble(before);
        if (!v) goto done;
        int rc = PyDict_SetItem(written, window, v);
        Py_DECREF(v);
        if (rc < 0) goto done;
    }
    double after = scored(self, c, m, slots, mask, score);
    if (after == -1.0 && PyErr_Occurred()) goto done;
    out = PyFloat_FromDouble(after - before);
done:
    Py_XDECREF(window);
    PyBuffer_Release(&known);
    return out;
}

/* A text read in place, for the scans below. */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} text_t;

static text_t text_of(PyObject *s) { return (text_t){PyUnicode_KIND(s), PyUnicode_DATA(s), PyUnicode_GET_LENGTH(s)}; }

/* Called for each occurrence of a key: -1 (an error set) stops the scan. */
typedef int (*hit_fn)(void *ctx, Py_ssize_t start, Py_ssize_t end, uint32_t count);

/* Every occurrence of a key of t (a count not 0) that starts in [first, stop), overlapping ones
 * included, by start and then by end: hit(ctx, start, end, count). The table holds every prefix of
 * a key (count 0), so the scan from a start stops where no key goes on. 0, or -1 with an error set. */

/* each_key's loop for text of one kind (RD reads its i-th character): the kind is tested once a scan,
 * not at every character read (a tenth of the loop's instructions) */
#define EACH_KEY_LOOP(RD)                                                                                  \
    for (Py_ssize_t i = first < 0 ? 0 : first; rc == 0 && i < stop && i < x.n; i++) {                    \
        Py_UCS4 c0 = RD(i);                                                                                \
        if (c0 < FIRSTS_BMP && !has_bit(t->firsts, c0)) continue;                                          \
        word[0] = c0;                                                                                      \
        uint64_t h = h_step(H_INIT, c0);                                                                   \
        if (c0 >= FIRSTS_BMP || has_bit(t->ones, c0)) { /* else a key that does not count */              \
            uint32_t count;                                                                                \
            if (t->one_counts && c0 < FIRSTS_BMP) {                                                        \
                count = t->one_counts[c0];                                                                 \
            } else {                                                                                       \
                const entry_t *e = find(t, h_final(h), word, 1);                                           \
                if (!e) continue;                                                                          \
                count = e->freq;                                                                           \
            }                                                                                              \
            if (count && (rc = hit(ctx, i, i + 1, count)) < 0) break;                                      \
        }                                                                                                  \
        if (longest < 2 || i + 1 >= x.n || !may_pair(t, c0, RD(i + 1))) continue;                         \
        for (Py_ssize_t j = i + 1; j < x.n && (uint64_t)(j - i) < longest; j++) {                         \
            Py_UCS4 c = RD(j);                                                                             \
            word[j - i] = c;                                                                               \
            h = h_step(h, c);                                                                              \
            if (j == i + 2 && !may_triple(t, word[0], word[1], c)) break;                                  \
            const entry_t *e = find(t, h_final(h), word, j - i + 1);                                       \
            if (!e) break;                                                                                 \
            if (e->freq && (rc = hit(ctx, i, j + 1, e->freq)) < 0) break;                                  \
        }                                                                                                  \
    }

static int each_key(Table *t, text_t x, Py_ssize_t first, Py_ssize_t stop, hit_fn hit, void *ctx) {
    if (filters_of(t) < 0) return -1;
    Py_UCS4 buf[STACK];
    uint32_t longest = t->maxlen;
    Py_UCS4 *word = longest <= STACK ? buf : PyMem_Malloc((size_t)longest * sizeof(Py_UCS4));
    if (!word) {
        PyErr_NoMemory();
        return -1;
    }
    int rc = 0;
    if (x.kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *d2 = x.data;
#define RD2(k) ((Py_UCS4)d2[k])
        EACH_KEY_LOOP(RD2)
#undef RD2
    } else {
#define RDANY(k) PyUnicode_READ(x.kind, x.data, k)
        EACH_KEY_LOOP(RDANY)
#undef RDANY
    }
    if (word != buf) PyMem_Free(word);
    return rc;
}
#undef EACH_KEY_LOOP

static int append_hit(void *out, Py_ssize_t start, Py_ssize_t end, uint32_t count) {
    PyObject *hit = Py_BuildValue("(nnk)", start, end, (unsigned long)count);
    int rc = hit ? PyList_Append(out, hit) : -1;
    Py_XDECREF(hit);
    return rc;
}

/* occurrences(text, start=0, stop=len(text)): (start, end, count) for every occurrence of a word whose
 * count is not 0 that starts in text[start:stop], overlapping ones included, by start and then by end
 * (lexicon.PhraseMatcher.find_all's matches; it asks for a long text piece by piece). */
static PyObject *Table_occurrences(Table *self, PyObject *args) {
    PyObject *arg;
    Py_ssize_t first = 0, stop = PY_SSIZE_T_MAX;
    if (!PyArg_ParseTuple(args, "U|nn", &arg, &first, &stop)) return NULL;
    if (!ready(self)) return NULL;
    PyObject *out = PyList_New(0);
    if (out && each_key(self, text_of(arg), first, stop, append_hit, out) < 0) Py_CLEAR(out);
    return out;
}

typedef struct {
    Py_ssize_t *count, size;
} counting_t;

static int count_hit(void *ctx, Py_ssize_t Py_UNUSED(start), Py_ssize_t Py_UNUSED(end), uint32_t count) {
    counting_t *c = ctx;
    if ((Py_ssize_t)count <= c->size) c->count[count - 1]++;
    return 0;
}

/* counts(text, size): how often each key numbered 1 … size occurs in text, overlapping occurrences
 * included: a list of size numbers (lexicon.count_phrases). */
static PyObject *Table_counts(Table *self, PyObject *args) {
    PyObject *arg;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "Un", &arg, &size)) return NULL;
    if (!ready(self)) return NULL;
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "counts(): size from 0");
        return NULL;
    }
    counting_t c = {PyMem_Calloc((size_t)size + 1, sizeof(Py_ssize_t)), size};
    PyObject *out = NULL;
    if (!c.count) return PyErr_NoMemory();
    if (each_key(self, text_of(arg), 0, PY_SSIZE_T_MAX, count_hit, &c) < 0 || !(out = PyList_New(size))) goto done;
    for (Py_ssize_t k = 0; k < size; k++) {
        PyObject *v = PyLong_FromSsize_t(c.count[k]);
        if (!v) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, k, v);
    }
done:
    PyMem_Free(c.count);
    return out;
}

/* a mask of text[lo:hi] (mask[0] is text[lo]) */
typedef struct {
    char *mask;
    Py_ssize_t covered_to, lo, hi;
} covering_t;

static int cover_hit(void *ctx, Py_ssize_t start, Py_ssize_t end, uint32_t Py_UNUSED(count)) {
    covering_t *c = ctx;
    Py_ssize_t from = start > c->covered_to ? start : c->covered_to, to = end < c->hi ? end : c->hi;
    for (Py_ssize_t p = from > c->lo ? from : c->lo; p < to; p++) c->mask[p - c->lo] = 1;
    if (end > c->covered_to) c->covered_to = end;
    return 0;
}

/* cover(text): a bytearray, 1 for each character inside some occurrence of a word whose count is
 * not 0, 0 elsewhere. lexicon.PhraseMatcher.cover is the reference. */
static PyObject *Table_cover(Table *self, PyObject *arg) {
    if (!ready(self)) return NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "cover() takes a str");
        return NULL;
    }
    text_t x = text_of(arg);
    PyObject *mask = PyByteArray_FromStringAndSize(NULL, x.n);
    if (!mask) return NULL;
    covering_t c = {PyByteArray_AS_STRING(mask), 0, 0, x.n};
    memset(c.mask, 0, (size_t)x.n);
    if (each_key(self, x, 0, x.n, cover_hit, &c) < 0) Py_CLEAR(mask);
    return mask;
}

static PyObject *Table_get_maxlen(Table *self, void *Py_UNUSED(closure)) { return PyLong_FromUnsignedLong(self->maxlen); }

static PyObject *Table_get_total(Table *self, void *Py_UNUSED(closure)) { return PyLong_FromUnsignedLongLong(self->total); }

static PyMethodDef Table_methods[] = {
    {"get", (PyCFunction)(void (*)(void))Table_get, METH_FASTCALL, "get(word, default=None): the word's count"},
    {"entry", (PyCFunction)Table_entry, METH_O, "entry(i): the i-th (word, count) in the order built"},
    {"best_path", (PyCFunction)Table_best_path, METH_O, "best_path(s): log probability of s's best segmentation"},
    {"gains", (PyCFunction)Table_gains, METH_VARARGS, "gains(window, k, n, replacements): log-probability gains"},
    {"segment", (PyCFunction)Table_segment, METH_O, "segment(s): the words of s's best segmentation"},
    {"known_words", (PyCFunction)Table_known_words, METH_VARARGS,
     "known_words(s, known): s's words as the set known has them, joined by spaces"},
    {"lm_gain", (PyCFunction)Table_lm_gain, METH_VARARGS,
     "lm_gain(text, i, candidate, known, score, written, width): WordLM.gain without merge, or None"},
    {"cover", (PyCFunction)Table_cover, METH_O, "cover(text): 1 for each character some word covers"},
    {"counts", (PyCFunction)Table_counts, METH_VARARGS, "counts(text, size): occurrences of the keys numbered 1 … size"},
    {"occurrences", (PyCFunction)Table_occurrences, METH_VARARGS,
     "occurrences(text, start=0, stop=len(text)): (start, end, count) of every word starting there"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Table_getset[] = {
    {"maxlen", (getter)Table_get_maxlen, NULL, "the longest word", NULL},
    {"total", (getter)Table_get_total, NULL, "the sum of the counts (jieba's total)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMappingMethods Table_as_mapping = {
    .mp_length = (lenfunc)Table_len,
    .mp_subscript = (binaryfunc)Table_subscript,
};

static PySequenceMethods Table_as_sequence = {
    .sq_length = (lenfunc)Table_len,
    .sq_contains = (objobjproc)Table_contains,
};

static PyTypeObject TableType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "doccheck._wordtable.Table",
    .tp_doc = "Table(buffer): a word table built by build(), read in place",
    .tp_basicsize = sizeof(Table),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Table_init,
    .tp_dealloc = (destructor)Table_dealloc,
    .tp_methods = Table_methods,
    .tp_getset = Table_getset,
    .tp_as_mapping = &Table_as_mapping,
    .tp_as_sequence = &Table_as_sequence,
};


/* ---- the screen: which uncovered characters the detector must look at ---- */

/* Screen(buffer, table): the detector's cheap necessary conditions (detector.Detector.check_clause
 * and check_words are the reference), over per-character tables built by screen.py:
 *   header  magic "DCSCRN01", u32 words per bit row, u32 rows of follows, u32 rows of precedes,
 *           u32 candidate entries, u32 fillers, u32 blank rows, u32 blank entries, u32 readings,
 *           u32 sound rows, u32 sound words, then u64 offsets of the fourteen sections and the
 *           total size                                                                  168 bytes
 *   flags     u8[65536]: bit 0 unjudged, bit 1 common
 *   fol_row   i32[65536]: the row of "characters that follow this one inside a frequent word", -1 none
 *   pre_row   i32[65536]: the same for "precede"
 *   cand_off  u32[65537]: where each character's candidates start in cand
 *   fol_bits, pre_bits  u64[rows * words]: bit rows over the filler characters
 *   cand      u16[entries]: the candidates that can fill some blank, as bit numbers
 *   filler    u32[fillers]: the character of each bit number
 *   row_off   u32[rows + 1], row_bits u16[blank entries]: the characters that fill a blank ("会?"),
 *             the blanks found in the index table given beside (count = row number)
 *   read_off  u32[65537], read_ids u32[readings]: each character's readings (toneless pinyin) as
 *             numbers, rising: two characters sound alike when they share one
 *   snd_off   u32[sound rows + 1], snd_words u32[2 * sound words]: the frequent two-character words
 *             of each pair of readings, found in the sounds table given beside (its key: the two
 *             reading numbers, each + 1, as a two-character string; count = 1 + row number)
 * Characters outside the Basic Multilingual Plane are passed on: Python decides them. */

#define SCREEN_MAGIC "DCSCRN01"
#define SCREEN_HEADER 168
#define SCREEN_SECTIONS 14
#define BMP 65536

typedef struct {
    PyObject_HEAD
    Py_buffer view;
    int has_view;
    Table *table, *blanks, *sounds;
    uint32_t words, nfol, npre, ncand, nfillers, nrows, nrowbits, nread, nsnd, nsndwords;
    const uint8_t *flags;
    const int32_t *fol_row, *pre_row;
    const uint32_t *cand_off;
    const uint64_t *fol_bits, *pre_bits;
    const uint16_t *cand;
    const uint32_t *filler, *row_off;
    const uint16_t *row_bits;
    const uint32_t *read_off, *read_ids, *snd_off, *snd_words;
} Screen;

/* off[0..rows] rise and end at most at limit: the start of each row of an array of that many items */
static int ascending(const uint32_t *off, uint64_t rows, uint64_t limit) {
    for (uint64_t k = 0; k < rows; k++)
        if (off[k] > off[k + 1] || off[k + 1] > limit) return 0;
    return 1;
}

/* s[0..n) are code points */
static int code_points(const uint32_t *s, uint64_t n) {
    for (uint64_t k = 0; k < n; k++)
        if (s[k] > 0x10FFFF) return 0;
    return 1;
}

static int section(const char *p, Py_ssize_t size, uint64_t off, uint64_t len, unsigned align, const void **out) {
    if (off > (uint64_t)size || len > (uint64_t)size - off || (((uintptr_t)p + off) % align)) return 0;
    *out = p + off;
    return 1;
}

/* The common start of Screen and Near: three initialised word tables held, the buffer's view taken. */
static int hold(const char *what, int *has_view, Py_buffer *view, PyObject *buffer, PyObject *tables[3],
                Table **held[3]) {
    if (*has_view) {
        PyErr_Format(PyExc_TypeError, "%s is initialised once", what);
        return -1;
    }
    for (int k = 0; k < 3; k++)
        if (!((Table *)tables[k])->has_view) {
            PyErr_SetString(PyExc_ValueError, "word table not initialised");
            return -1;
        }
    if (PyObject_GetBuffer(buffer, view, PyBUF_SIMPLE) < 0) return -1;
    *has_view = 1;
    for (int k = 0; k < 3; k++) {
        Py_INCREF(tables[k]);
        *held[k] = (Table *)tables[k];
    }
    return 0;
}

static int Screen_init(Screen *self, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"buffer", "table", "blanks", "sounds", NULL};
    PyObject *obj, *table, *blanks, *sounds;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO!O!O!", kwlist, &obj, &TableType, &table, &TableType, &blanks,
                                     &TableType, &sounds))
        return -1;
    PyObject *tables[3] = {table, blanks, sounds};
    Table **held[3] = {&self->table, &self->blanks, &self->sounds};
    if (hold("Screen", &self->has_view, &self->view, obj, tables, held) < 0) return -1;
    const char *p = self->view.buf;
    Py_ssize_t size = self->view.len;
    uint64_t off[SCREEN_SECTIONS + 1];
    if (size < SCREEN_HEADER || memcmp(p, SCREEN_MAGIC, 8) != 0) goto bad;
    memcpy(&self->words, p + 8, 4);
    memcpy(&self->nfol, p + 12, 4);
    memcpy(&self->npre, p + 16, 4);
    memcpy(&self->ncand, p + 20, 4);
    memcpy(&self->nfillers, p + 24, 4);
    memcpy(&self->nrows, p + 28, 4);
    memcpy(&self->nrowbits, p + 32, 4);
    memcpy(&self->nread, p + 36, 4);
    memcpy(&self->nsnd, p + 40, 4);
    memcpy(&self->nsndwords, p + 44, 4);
    memcpy(off, p + 48, 8 * (SCREEN_SECTIONS + 1));
    if (off[SCREEN_SECTIONS] != (uint64_t)size || self->words == 0 || self->words > 1024 ||
        self->nfillers > 64ULL * self->words)
        goto bad;
    const void *q;
    if (!section(p, size, off[0], BMP, 1, &q)) goto bad;
    self->flags = q;
    if (!section(p, size, off[1], 4ULL * BMP, 4, &q)) goto bad;
    self->fol_row = q;
    if (!section(p, size, off[2], 4ULL * BMP, 4, &q)) goto bad;
    self->pre_row = q;
    if (!section(p, size, off[3], 4ULL * (BMP + 1), 4, &q)) goto bad;
    self->cand_off = q;
    if (!section(p, size, off[4], 8ULL * self->words * self->nfol, 8, &q)) goto bad;
    self->fol_bits = q;
    if (!section(p, size, off[5], 8ULL * self->words * self->npre, 8, &q)) goto bad;
    self->pre_bits = q;
    if (!section(p, size, off[6], 2ULL * self->ncand, 2, &q)) goto bad;
    self->cand = q;
    if (!section(p, size, off[7], 4ULL * self->nfillers, 4, &q)) goto bad;
    self->filler = q;
    if (!section(p, size, off[8], 4ULL * ((uint64_t)self->nrows + 1), 4, &q)) goto bad;
    self->row_off = q;
    if (!section(p, size, off[9], 2ULL * self->nrowbits, 2, &q)) goto bad;
    self->row_bits = q;
    if (!section(p, size, off[10], 4ULL * (BMP + 1), 4, &q)) goto bad;
    self->read_off = q;
    if (!section(p, size, off[11], 4ULL * self->nread, 4, &q)) goto bad;
    self->read_ids = q;
    if (!section(p, size, off[12], 4ULL * ((uint64_t)self->nsnd + 1), 4, &q)) goto bad;
    self->snd_off = q;
    if (!section(p, size, off[13], 8ULL * self->nsndwords, 4, &q)) goto bad;
    self->snd_words = q;
    /* the indices checked once, so that no look-up can leave the buffer */
    for (uint32_t c = 0; c < BMP; c++)
        if (self->fol_row[c] >= (int64_t)self->nfol || self->pre_row[c] >= (int64_t)self->npre) goto bad;
    for (uint32_t k = 0; k < self->ncand; k++)
        if (self->cand[k] >= self->nfillers) goto bad;
    for (uint32_t k = 0; k < self->nrowbits; k++)
        if (self->row_bits[k] >= self->nfillers) goto bad;
    if (!ascending(self->cand_off, BMP, self->ncand) || !ascending(self->read_off, BMP, self->nread) ||
        !ascending(self->row_off, self->nrows, self->nrowbits) ||
        !ascending(self->snd_off, self->nsnd, self->nsndwords) || !code_points(self->filler, self->nfillers) ||
        !code_points(self->snd_words, 2ULL * self->nsndwords))
        goto bad;
    return 0;
bad:
    PyErr_SetString(PyExc_ValueError, "screen: damaged tables");
    self->flags = NULL;
    return -1;
}

static void Screen_dealloc(Screen *self) {
    if (self->has_view) PyBuffer_Release(&self->view);
    Py_XDECREF(self->table);
    Py_XDECREF(self->blanks);
    Py_XDECREF(self->sounds);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* some dictionary word of 2-4 characters covers s[i] (detector.Detector._in_word) */
static int in_word(const Table *t, const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t i) {
    for (Py_ssize_t len = 2; len <= 4; len++) {
        Py_ssize_t lo = i - len + 1 > 0 ? i - len + 1 : 0, hi = i < n - len ? i : n - len;
        for (Py_ssize_t a = lo; a <= hi; a++) {
            if (t->pairs && !may_pair(t, s[a], s[a + 1])) continue;
            if (len >= 3 && !may_triple(t, s[a], s[a + 1], s[a + 2])) continue;
            const entry_t *e = find(t, hash_of(s + a, len), s + a, len);
            if (e && e->freq) return 1;
        }
    }
    return 0;
}

/* some candidate of c is set in the bit row */
static int any_bit(const Screen *sc, Py_UCS4 c, const uint64_t *bits, int32_t row) {
    if (row < 0) return 0;
    const uint64_t *r = bits + (uint64_t)row * sc->words;
    for (uint32_t k = sc->cand_off[c]; k < sc->cand_off[c + 1]; k++) {
        uint16_t b = sc->cand[k];
        if (r[b >> 6] >> (b & 63) & 1) return 1;
    }
    return 0;
}

/* The candidates of s[i] (s[i] in the BMP) that fill some blank of a frequent word around it, written
 * to out (room for the character's candidate count), in bit order; their number
 * (candidates.Candidates.fillers is the reference). */
static Py_ssize_t tried_into(const Screen *sc, const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t i, Py_UCS4 *out) {
    uint64_t on[1024];
    memset(on, 0, 8 * (size_t)sc->words);
    Py_UCS4 key[4];
    for (Py_ssize_t len = 2; len <= 4; len++) {
        Py_ssize_t lo = i - len + 1 > 0 ? i - len + 1 : 0, hi = i < n - len ? i : n - len;
        for (Py_ssize_t a = lo; a <= hi; a++) {
            memcpy(key, s + a, (size_t)len * sizeof(Py_UCS4));
            key[i - a] = '?';
            const entry_t *e = find(sc->blanks, hash_of(key, len), key, len);
            if (!e || e->freq >= sc->nrows) continue;
            for (uint32_t k = sc->row_off[e->freq]; k < sc->row_off[e->freq + 1]; k++)
                on[sc->row_bits[k] >> 6] |= 1ULL << (sc->row_bits[k] & 63);
        }
    }
    Py_ssize_t m = 0;
    for (uint32_t k = sc->cand_off[s[i]]; k < sc->cand_off[s[i] + 1]; k++) {
        uint16_t b = sc->cand[k];
        if (on[b >> 6] >> (b & 63) & 1) out[m++] = sc->filler[b];
    }
    return m;
}

/* a and b share a reading and b is common: b in Candidates.homophones(a) */
static int sounds_alike(const Screen *sc, Py_UCS4 a, Py_UCS4 b) {
    if (a >= BMP || b >= BMP || !(sc->flags[b] & 2)) return 0;
    uint32_t i = sc->read_off[a], ie = sc->read_off[a + 1], j = sc->read_off[b], je = sc->read_off[b + 1];
    while (i < ie && j < je) {
        if (sc->read_ids[i] == sc->read_ids[j]) return 1;
        if (sc->read_ids[i] < sc->read_ids[j]) i++;
        else j++;
    }
    return 0;
}

typedef struct {
    double gain;
    Py_UCS4 cand;
} scored_t;

static int by_gain_down(const void *x, const void *y) {
    const scored_t *a = x, *b = y;
    if (a->gain != b->gain) return a->gain < b->gain ? 1 : -1;
    return a->cand < b->cand ? 1 : a->cand > b->cand ? -1 : 0;
}

typedef struct {
    double threshold, penalty, pair_threshold;
    Py_ssize_t window, runners_up, pair_words, pair_window;
    uint32_t straddle;
} scoring_t;

/* Detector._score_characters for one spot whose candidates are cands[0:m]: Py_None when no candidate
 * passes, else (i, best, gain, ((candidate, gain), …)) as Python builds it. s is changed and restored. */
static PyObject *score_spot(const Screen *sc, const scoring_t *how, Py_UCS4 *s, Py_ssize_t n, Py_ssize_t i,
                            const Py_UCS4 *cands, Py_ssize_t m) {
    Py_ssize_t lo = i - how->window > 0 ? i - how->window : 0;
    Py_ssize_t hi = i + how->window + 1 < n ? i + how->window + 1 : n, size = hi - lo, k = i - lo;
    double sbase[STACK + 1], sroute[STACK + 1];
    scored_t sbuf[64];
    double *base = doubles(size + 1, sbase), *route = doubles(size + 1, sroute);
    scored_t *kept = m <= 64 ? sbuf : PyMem_Malloc((size_t)m * sizeof(scored_t));
    PyObject *out = NULL;
    if (!base || !route || !kept) {
        if (!PyErr_Occurred()) PyErr_NoMemory();
        goto done;
    }
    Py_UCS4 *w = s + lo, written = s[i];
    base[size] = 0.0;
    routes(sc->table, w, size, size - 1, base, NULL);
    Py_ssize_t nkept = 0;
    for (Py_ssize_t c = 0; c < m; c++) {
        w[k] = cands[c];
        memcpy(route + k + 1, base + k + 1, (size_t)(size - k) * sizeof(double));
        routes(sc->table, w, size, k, route, NULL);
        double gain = route[0] - base[0];
        if (!sounds_alike(sc, written, cands[c])) gain -= how->penalty;
        if (gain >= how->threshold) kept[nkept++] = (scored_t){gain, cands[c]};
    }
    w[k] = written;
    if (!nkept) {
        out = Py_None;
        Py_INCREF(out);
        goto done;
    }
    qsort(kept, (size_t)nkept, sizeof(scored_t), by_gain_down);
    Py_ssize_t rest = nkept - 1 < how->runners_up ? nkept - 1 : how->runners_up;
    PyObject *others = PyTuple_New(rest);
    if (!others) goto done;
    for (Py_ssize_t r = 0; r < rest; r++) {
        PyObject *o = Py_BuildValue("(Nd)", PyUnicode_FromOrdinal(kept[r + 1].cand), kept[r + 1].gain);
        if (!o) {
            Py_DECREF(others);
            goto done;
        }
        PyTuple_SET_ITEM(others, r, o);
    }
    out = Py_BuildValue("(nNdN)", i, PyUnicode_FromOrdinal(kept[0].cand), kept[0].gain, others);
done:
    if (base) release_doubles(base, sbase);
    if (route) release_doubles(route, sroute);
    if (kept && kept != sbuf) PyMem_Free(kept);
    return out;
}

typedef struct {
    uint32_t freq;
    Py_UCS4 w[2];
    double gain;
} pair_t;

static int pair_by_freq(const void *x, const void *y) { /* most frequent first, then by the word */
    const pair_t *a = x, *b = y;
    if (a->freq != b->freq) return a->freq < b->freq ? 1 : -1;
    if (a->w[0] != b->w[0]) return a->w[0] < b->w[0] ? -1 : 1;
    return a->w[1] < b->w[1] ? -1 : a->w[1] > b->w[1];
}

static int pair_by_gain_down(const void *x, const void *y) {
    const pair_t *a = x, *b = y;
    if (a->gain != b->gain) return a->gain < b->gain ? 1 : -1;
    if (a->w[0] != b->w[0]) return a->w[0] < b->w[0] ? 1 : -1;
    return a->w[1] < b->w[1] ? 1 : a->w[1] > b->w[1] ? -1 : 0;
}

/* Detector._score_pairs for the pair s[i:i+2] (both in the BMP, not straddling): Py_None when no
 * same-sounding word passes, else (i, word, gain, ((word, gain), …)); Py_Ellipsis when the pair has
 * more same-sounding words than this keeps (Python then scores it). s is changed and restored. */
static PyObject *score_pair(const Screen *sc, const scoring_t *how, Py_UCS4 *s, Py_ssize_t n, Py_ssize_t i) {
    Py_UCS4 x = s[i], y = s[i + 1];
    pair_t found[256];
    Py_ssize_t nf = 0;
    for (uint32_t a = sc->read_off[x]; a < sc->read_off[x + 1]; a++) {
        for (uint32_t b = sc->read_off[y]; b < sc->read_off[y + 1]; b++) {
            Py_UCS4 key[2] = {sc->read_ids[a] + 1, sc->read_ids[b] + 1};
            const entry_t *e = find(sc->sounds, hash_of(key, 2), key, 2);
            if (!e || !e->freq || e->freq > sc->nsnd) continue;
            for (uint32_t k = sc->snd_off[e->freq - 1]; k < sc->snd_off[e->freq]; k++) {
                Py_UCS4 w0 = sc->snd_words[2 * k], w1 = sc->snd_words[2 * k + 1];
                if (w0 == x || w1 == y) continue;
                int seen = 0;
                for (Py_ssize_t f = 0; f < nf && !seen; f++) seen = found[f].w[0] == w0 && found[f].w[1] == w1;
                if (seen) continue;
                if (nf == 256) return (Py_INCREF(Py_Ellipsis), Py_Ellipsis);
                Py_UCS4 word[2] = {w0, w1};
                const entry_t *we = find(sc->table, hash_of(word, 2), word, 2);
                found[nf++] = (pair_t){we ? we->freq : 0, {w0, w1}, 0.0};
            }
        }
    }
    if (!nf) return (Py_INCREF(Py_None), Py_None);
    if (nf > how->pair_words) {
        qsort(found, (size_t)nf, sizeof(pair_t), pair_by_freq);
        nf = how->pair_words;
    }
    Py_ssize_t lo = i - how->pair_window > 0 ? i - how->pair_window : 0;
    Py_ssize_t hi = i + how->pair_window + 2 < n ? i + how->pair_window + 2 : n, size = hi - lo, k = i - lo;
    double sbase[STACK + 1], sroute[STACK + 1];
    double *base = doubles(size + 1, sbase), *route = doubles(size + 1, sroute);
    PyObject *out = NULL;
    if (!base || !route) goto done;
    Py_UCS4 *w = s + lo;
    base[size] = 0.0;
    routes(sc->table, w, size, size - 1, base, NULL);
    Py_ssize_t kept = 0;
    for (Py_ssize_t f = 0; f < nf; f++) {
        w[k] = found[f].w[0];
        w[k + 1] = found[f].w[1];
        memcpy(route + k + 2, base + k + 2, (size_t)(size - k - 1) * sizeof(double));
        routes(sc->table, w, size, k + 1, route, NULL);
        double gain = route[0] - base[0];
        if (gain >= how->pair_threshold) {
            found[kept] = found[f];
            found[kept++].gain = gain;
        }
    }
    w[k] = x;
    w[k + 1] = y;
    if (!kept) {
        out = (Py_INCREF(Py_None), Py_None);
        goto done;
    }
    qsort(found, (size_t)kept, sizeof(pair_t), pair_by_gain_down);
    Py_ssize_t rest = kept - 1 < how->runners_up ? kept - 1 : how->runners_up;
    PyObject *others = PyTuple_New(rest);
    if (!others) goto done;
    for (Py_ssize_t r = 0; r < rest; r++) {
        PyObject *o = Py_BuildValue("(Nd)", PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, found[r + 1].w, 2),
                                    found[r + 1].gain);
        if (!o) {
            Py_DECREF(others);
            goto done;
        }
        PyTuple_SET_ITEM(others, r, o);
    }
    out = Py_BuildValue("(nNdN)", i, PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, found[0].w, 2), found[0].gain,
                        others);
done:
    if (base) release_doubles(base, sbase);
    if (route) release_doubles(route, sroute);
    return out;
}

/* A character of the pair at i makes a word this frequent with the character beside the pair
 * (Detector._straddles). */
static int straddles(const Screen *sc, const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t i, uint32_t least) {
    const Py_ssize_t spans[4][2] = {{i - 1, i + 1}, {i - 2, i + 1}, {i + 1, i + 3}, {i + 1, i + 4}};
    for (int k = 0; k < 4; k++) {
        Py_ssize_t a = spans[k][0], b = spans[k][1];
        if (a < 0 || b > n || (sc->table->pairs && !may_pair(sc->table, s[a], s[a + 1]))) continue;
        const entry_t *e = find(sc->table, hash_of(s + a, b - a), s + a, b - a);
        if ((e ? e->freq : 0) >= least) return 1;
    }
    return 0;
}

static int screen_ready(Screen *self) {
    if (!self->has_view || !self->flags) {
        PyErr_SetString(PyExc_ValueError, "screen not initialised");
        return 0;
    }
    return 1;
}

/* may s[i] be a slip (check_clause's conditions before the candidates are scored)? */
static int may_be_slip(const Screen *self, const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t i) {
    Py_UCS4 c = s[i];
    if (c >= BMP) return 1;
    uint8_t f = self->flags[c];
    if (f & 1) return 0;
    if (!(f & 2) && in_word(self->table, s, n, i)) return 0;
    if (self->cand_off[c] == self->cand_off[c + 1]) return 0;
    if (i > 0 && (s[i - 1] >= BMP || any_bit(self, c, self->fol_bits, self->fol_row[s[i - 1]]))) return 1;
    return i + 1 < n && (s[i + 1] >= BMP || any_bit(self, c, self->pre_bits, self->pre_row[s[i + 1]]));
}

/* may s[i:i+2] be a word typed by its sound (check_words' conditions), next being the next
 * uncovered position? */
static int may_be_pair(const Screen *self, const Py_UCS4 *s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t next) {
    if (next != i + 1 || next >= n) return 0;
    if (s[i] >= BMP || s[i + 1] >= BMP) return 1;
    uint8_t f = self->flags[s[i]], g = self->flags[s[i + 1]];
    return !(f & 1) && !(g & 1) && (f & 2) && (g & 2);
}

/* Append item to *list, made on the first append: most clauses report nothing, and four lists made and
 * dropped for each cost more than the clause's screen. */
static int append_to(PyObject **list, PyObject *item) {
    if (!*list && !(*list = PyList_New(0))) return -1;
    return PyList_Append(*list, item);
}

/* Append to the lists (made when first needed) what scan() reports of the clause s[0:n] with uncovered
 * positions unc[0:m]. */
static int scan_clause(const Screen *self, const scoring_t *how, Py_UCS4 *s, Py_ssize_t n, const Py_ssize_t *unc,
                       Py_ssize_t m, PyObject **scored, PyObject **pending, PyObject **pairs, PyObject **starts) {
    for (Py_ssize_t k = 0; k < m; k++) {
        Py_ssize_t i = unc[k];
        if (may_be_slip(self, s, n, i)) {
            if (s[i] >= BMP) {
                PyObject *at = PyLong_FromSsize_t(i);
                if (!at || append_to(pending, at) < 0) {
                    Py_XDECREF(at);
                    return -1;
                }
                Py_DECREF(at);
            } else {
                Py_UCS4 buf[512];
                uint32_t count = self->cand_off[s[i] + 1] - self->cand_off[s[i]];
                Py_UCS4 *cands = count <= 512 ? buf : PyMem_Malloc((size_t)count * sizeof(Py_UCS4));
                if (!cands) {
                    PyErr_NoMemory();
                    return -1;
                }
                Py_ssize_t nc = tried_into(self, s, n, i, cands);
                PyObject *r = nc ? score_spot(self, how, s, n, i, cands, nc) : (Py_INCREF(Py_None), Py_None);
                if (cands != buf) PyMem_Free(cands);
                if (!r) return -1;
                if (r != Py_None && append_to(scored, r) < 0) {
                    Py_DECREF(r);
                    return -1;
                }
                Py_DECREF(r);
            }
        }
        if (!may_be_pair(self, s, n, i, k + 1 < m ? unc[k + 1] : -1)) continue;
        if (s[i] >= BMP || s[i + 1] >= BMP) { /* Python screens and scores it */
            PyObject *at = PyLong_FromSsize_t(i);
            if (!at || append_to(starts, at) < 0) {
                Py_XDECREF(at);
                return -1;
            }
            Py_DECREF(at);
        } else if (!straddles(self, s, n, i, how->straddle)) {
            PyObject *r = score_pair(self, how, s, n, i);
            if (!r) return -1;
            PyObject **to = r == Py_Ellipsis ? starts : pairs;
            if (r == Py_Ellipsis) {
                Py_DECREF(r);
                if (!(r = PyLong_FromSsize_t(i))) return -1;
            }
            if (r != Py_None && append_to(to, r) < 0) {
                Py_DECREF(r);
                return -1;
            }
            Py_DECREF(r);
        }
    }
    return 0;
}


/* scan(text, covering, threshold, shape_penalty, window, runners_up, straddle, pair_threshold, pair_words,
 *      pair_window, start=0, stop=len(text)):
 * the detector over the clauses of a text that start in text[start:stop] (runs of U+4E00-U+9FFF, two
 * characters or more; a run that goes on from before start is not one of them), covering being the table
 * of the frequent words whose characters are not suspected (Detector.covered: read here a clause at a
 * time, so that a long text needs no mask as long as itself). A list of (start, end, scored, pending, pairs, starts) for the
 * clauses where something is found or left to Python: scored, the characters' findings as
 * Detector._score_characters gives them; pending, the positions of characters outside the BMP for
 * Python to screen and score; pairs, the findings of words typed by their sound as
 * Detector._score_pairs gives them; starts, the pairs outside the BMP for Python. Positions are
 * relative to start. */
static PyObject *Screen_scan(Screen *self, PyObject *args) {
    PyObject *text;
    Table *covering;
    scoring_t how;
    unsigned int straddle;
    Py_ssize_t first = 0, stop = PY_SSIZE_T_MAX;
    if (!PyArg_ParseTuple(args, "UO!ddnnIdnn|nn", &text, &TableType, &covering, &how.threshold, &how.penalty,
                          &how.window, &how.runners_up, &straddle, &how.pair_threshold, &how.pair_words,
                          &how.pair_window, &first, &stop))
        return NULL;
    how.straddle = straddle;
    PyObject *out = NULL;
    Py_UCS4 *s = NULL;
    Py_ssize_t *unc = NULL;
    char *covered = NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    if (!screen_ready(self) || filters_of(self->table) < 0 || !ready(covering) || filters_of(covering) < 0) goto done;
    if (how.window < 0 || how.runners_up < 0 || how.pair_words < 0 || how.pair_window < 0) {
        PyErr_SetString(PyExc_ValueError, "scan(): a window and runners-up from 0");
        goto done;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    text_t x = text_of(text);
    Py_ssize_t reach = covering->maxlen ? (Py_ssize_t)covering->maxlen - 1 : 0; /* a word from before may cover */
    if (!(out = PyList_New(0))) goto done;
    Py_ssize_t cap = 0;
    if (first < 0) first = 0;
    if (stop > n) stop = n;
    /* a clause that starts before first is the previous piece's */
    while (first > 0 && first < n && is_han(PyUnicode_READ(kind, data, first - 1)) &&
           is_han(PyUnicode_READ(kind, data, first)))
        first++;
    for (Py_ssize_t a = first; a < stop;) {
        Py_UCS4 c = PyUnicode_READ(kind, data, a);
        if (!is_han(c)) {
            a++;
            continue;
        }
        Py_ssize_t b = a + 1;
        while (b < n && is_han(PyUnicode_READ(kind, data, b))) b++;
        Py_ssize_t len = b - a;
        if (len >= 2) {
            if (len > cap) {
                cap = len * 2;
                PyMem_Free(s);
                PyMem_Free(unc);
                PyMem_Free(covered);
                s = PyMem_Malloc((size_t)cap * sizeof(Py_UCS4));
                unc = PyMem_Malloc((size_t)cap * sizeof(Py_ssize_t));
                covered = PyMem_Malloc((size_t)cap);
                if (!s || !unc || !covered) {
                    PyErr_NoMemory();
                    Py_CLEAR(out);
                    goto done;
                }
            }
            /* the clause's characters some frequent word covers (Detector.covered, a clause at a time) */
            memset(covered, 0, (size_t)len);
            covering_t cv = {covered, 0, a, b};
            if (each_key(covering, x, a - reach > 0 ? a - reach : 0, b, cover_hit, &cv) < 0) {
                Py_CLEAR(out);
                goto done;
            }
            Py_ssize_t m = 0;
            for (Py_ssize_t i = 0; i < len; i++) {
                s[i] = PyUnicode_READ(kind, data, a + i);
                if (!covered[i]) unc[m++] = i;
            }
            PyObject *lists[4] = {NULL, NULL, NULL, NULL}; /* scored, pending, pairs, starts */
            int rc = scan_clause(self, &how, s, len, unc, m, &lists[0], &lists[1], &lists[2], &lists[3]);
            if (rc == 0 && (lists[0] || lists[1] || lists[2] || lists[3])) {
                for (int k = 0; k < 4 && rc == 0; k++)
                    if (!lists[k] && !(lists[k] = PyList_New(0))) rc = -1;
                PyObject *clause = rc == 0 ? Py_BuildValue("(nnOOOO)", a, b, lists[0], lists[1], lists[2], lists[3]) : NULL;
                if (!clause || PyList_Append(out, clause) < 0) rc = -1;
                Py_XDECREF(clause);
            }
            for (int k = 0; k < 4; k++) Py_XDECREF(lists[k]);
            if (rc < 0) {
                Py_CLEAR(out);
                goto done;
            }
        }
        a = b;
    }
done:
    PyMem_Free(s);
    PyMem_Free(unc);
    PyMem_Free(covered);
    return out;
}

static PyMethodDef Screen_methods[] = {
    {"scan", (PyCFunction)Screen_scan, METH_VARARGS,
     "scan(text, covering, threshold, shape_penalty, window, runners_up, straddle, pair_threshold, pair_words,\n"
     "pair_window, start=0, stop=len(text)): (start, end, scored, pending, pairs, starts) for each clause\n"
     "where something is found or left to score"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ScreenType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "doccheck._wordtable.Screen",
    .tp_doc = "Screen(buffer, table, blanks, sounds): the typo detector's screen over tables built by screen.py",
    .tp_basicsize = sizeof(Screen),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Screen_init,
    .tp_dealloc = (destructor)Screen_dealloc,
    .tp_methods = Screen_methods,
};


/* ---- terms one character off ---- */

/* Near(halves, masked, arrays): spans of a text that differ from a term in one character
 * (checks/terms.py, TermIndex.near, is the reference). A span one character off a term holds one
 * of the term's halves exactly (pigeonhole): halves (a table of the halves, count = 1 + half
 * number) finds them; each half's groups say where its terms start and how long they are; the term
 * with the character at each position of its other half masked ("工作机?") is looked up in masked
 * (count = 1 + row number), whose rows list term numbers.
 * arrays: u32 H, G, R, RT, T, TC, L, LT, then u32 grp_start[H + 1], grp[G] (offset << 16 | length),
 * row_start[R + 1], row_terms[RT], term_start[T + 1], term_chars[TC], long_start[L + 1],
 * long_terms[2 * LT] (term number, offset of the half): the halves of terms of five characters or
 * more, numbered in the table longer, for spans with a character missing or extra. */

typedef struct {
    PyObject_HEAD
    Py_buffer view;
    int has_view;
    Table *halves, *masked, *longer;
    uint32_t H, G, R, RT, T, TC, L, LT;
    uint32_t longest; /* characters of the longest term or masked key */
    const uint32_t *grp_start, *grp, *row_start, *row_terms, *term_start, *term_chars, *long_start, *long_terms;
} Near;

static int Near_init(Near *self, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"halves", "masked", "longer", "arrays", NULL};
    PyObject *halves, *masked, *longer, *obj;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O!O!O", kwlist, &TableType, &halves, &TableType, &masked,
                                     &TableType, &longer, &obj))
        return -1;
    PyObject *tables[3] = {halves, masked, longer};
    Table **held[3] = {&self->halves, &self->masked, &self->longer};
    if (hold("Near", &self->has_view, &self->view, obj, tables, held) < 0) return -1;
    const char *p = self->view.buf;
    uint64_t size = (uint64_t)self->view.len, at = 32;
    if (size < 32 || ((uintptr_t)p & 3)) goto bad;
    uint32_t h[8];
    memcpy(h, p, 32);
    self->H = h[0], self->G = h[1], self->R = h[2], self->RT = h[3], self->T = h[4], self->TC = h[5];
    self->L = h[6], self->LT = h[7];
    const uint32_t **parts[8] = {&self->grp_start, &self->grp, &self->row_start, &self->row_terms,
                                 &self->term_start, &self->term_chars, &self->long_start, &self->long_terms};
    uint64_t lens[8] = {(uint64_t)self->H + 1, self->G, (uint64_t)self->R + 1, self->RT, (uint64_t)self->T + 1,
                        self->TC, (uint64_t)self->L + 1, 2ULL * self->LT};
    for (int k = 0; k < 8; k++) {
        if (at + 4 * lens[k] > size) goto bad;
        *parts[k] = (const uint32_t *)(p + at);
        at += 4 * lens[k];
    }
    if (at != size) goto bad;
    for (uint32_t k = 0; k < self->RT; k++)
        if (self->row_terms[k] >= self->T) goto bad;
    for (uint32_t k = 0; k < self->LT; k++)
        if (self->long_terms[2 * k] >= self->T) goto bad;
    if (!ascending(self->grp_start, self->H, self->G) || !ascending(self->row_start, self->R, self->RT) ||
        !ascending(self->term_start, self->T, self->TC) || !ascending(self->long_start, self->L, self->LT) ||
        !code_points(self->term_chars, self->TC))
        goto bad;
    self->longest = self->masked->maxlen;
    for (uint32_t t = 0; t < self->T; t++)
        if (self->term_start[t + 1] - self->term_start[t] > self->longest)
            self->longest = self->term_start[t + 1] - self->term_start[t];
    return 0;
bad:
    PyErr_SetString(PyExc_ValueError, "near: damaged arrays");
    self->grp_start = NULL;
    return -1;
}

static void Near_dealloc(Near *self) {
    if (self->has_view) PyBuffer_Release(&self->view);
    Py_XDECREF(self->halves);
    Py_XDECREF(self->masked);
    Py_XDECREF(self->longer);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* What the two scans of Near keep while they run. */
typedef struct {
    const Near *near;
    text_t x;
    Py_UCS4 *buf; /* room for the longest term and two characters more */
    PyObject *out;
} near_scan_t;

static int append_term(near_scan_t *c, Py_ssize_t s, Py_ssize_t t, uint32_t term) {
    PyObject *hit = Py_BuildValue("(nnI)", s, t, term);
    int rc = hit ? PyList_Append(c->out, hit) : -1;
    Py_XDECREF(hit);
    return rc;
}

/* a half of a term at [i, end): the terms one character off in its other half */
static int near_hit(void *ctx, Py_ssize_t i, Py_ssize_t end, uint32_t number) {
    near_scan_t *c = ctx;
    const Near *self = c->near;
    const Table *masked = self->masked;
    Py_UCS4 *key = c->buf;
    if (number > self->H) return 0;
    uint32_t half = number - 1;
    for (uint32_t g = self->grp_start[half]; g < self->grp_start[half + 1]; g++) {
        Py_ssize_t offset = self->grp[g] >> 16, len = self->grp[g] & 0xffff;
        Py_ssize_t s = i - offset, t = s + len;
        if (s < 0 || t > c->x.n || len > (Py_ssize_t)masked->maxlen) continue;
        for (Py_ssize_t q = s; q < t; q++) key[q - s] = PyUnicode_READ(c->x.kind, c->x.data, q);
        /* the other half: after the half when it starts the term, else before it */
        Py_ssize_t lo = offset == 0 ? end : s, hi = offset == 0 ? t : i;
        for (Py_ssize_t q = lo; q < hi; q++) {
            Py_UCS4 written = key[q - s];
            key[q - s] = '?';
            const entry_t *m = find(masked, hash_of(key, len), key, len);
            key[q - s] = written;
            if (!m || !m->freq || m->freq > self->R) continue;
            uint32_t row = m->freq - 1;
            for (uint32_t r = self->row_start[row]; r < self->row_start[row + 1]; r++) {
                uint32_t term = self->row_terms[r];
                uint32_t a = self->term_start[term], b = self->term_start[term + 1];
                if (b - a == (uint32_t)len && memcmp(self->term_chars + a, key, (size_t)len * 4) == 0)
                    continue; /* the term itself */
                if (append_term(c, s, t, term) < 0) return -1;
            }
        }
    }
    return 0;
}

/* Run one of Near's scans over text with hit for the halves of table. */
static PyObject *near_scan(Near *self, PyObject *arg, Table *table, hit_fn hit) {
    if (!self->has_view || !self->grp_start) {
        PyErr_SetString(PyExc_ValueError, "near not initialised");
        return NULL;
    }
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "near() and longer() take a str");
        return NULL;
    }
    near_scan_t c = {self, text_of(arg), PyMem_Malloc(((size_t)self->longest + 2) * sizeof(Py_UCS4)), PyList_New(0)};
    if (!c.buf || !c.out) {
        if (!PyErr_Occurred()) PyErr_NoMemory();
        Py_CLEAR(c.out);
    } else if (each_key(table, c.x, 0, c.x.n, hit, &c) < 0) {
        Py_CLEAR(c.out);
    }
    PyMem_Free(c.buf);
    return c.out;
}

/* near(text): (start, end, term number) for every span one character off a term, the term itself
 * not included; a span found twice is given twice. */
static PyObject *Near_near(Near *self, PyObject *arg) { return near_scan(self, arg, self->halves, near_hit); }

/* a is b with one character added or taken away (lexicon.one_edit for lengths one apart) */
static int one_more_or_less(const Py_UCS4 *a, Py_ssize_t na, const uint32_t *b, Py_ssize_t nb) {
    Py_ssize_t ns = na, nl = nb;
    int swapped = na > nb;
    if (swapped) ns = nb, nl = na;
    if (nl - ns != 1) return 0;
    Py_ssize_t i = 0;
#define SHORT(k) (swapped ? (Py_UCS4)b[k] : a[k])
#define LONG(k) (swapped ? a[k] : (Py_UCS4)b[k])
    while (i < ns && SHORT(i) == LONG(i)) i++;
    for (; i < ns; i++)
        if (SHORT(i) != LONG(i + 1)) return 0;
#undef SHORT
#undef LONG
    return 1;
}

/* a half of a term of five characters or more at [i, …): spans a character short or over that term */
static int longer_hit(void *ctx, Py_ssize_t i, Py_ssize_t Py_UNUSED(end), uint32_t number) {
    near_scan_t *c = ctx;
    const Near *self = c->near;
    Py_UCS4 *span = c->buf;
    if (number > self->L) return 0;
    uint32_t half = number - 1;
    for (uint32_t g = self->long_start[half]; g < self->long_start[half + 1]; g++) {
        uint32_t term = self->long_terms[2 * g], offset = self->long_terms[2 * g + 1];
        const uint32_t *tc = self->term_chars + self->term_start[term];
        Py_ssize_t tn = self->term_start[term + 1] - self->term_start[term];
        for (Py_ssize_t len = tn - 1; len <= tn + 1; len += 2) {
            for (int d = 0; d < 3; d++) {
                Py_ssize_t s = i - (Py_ssize_t)offset + (d == 0 ? 0 : d == 1 ? 1 : -1), t = s + len;
                if (s < 0 || t > c->x.n || len < 1) continue;
                if (PyUnicode_READ(c->x.kind, c->x.data, t - 1) != tc[tn - 1]) continue;
                for (Py_ssize_t q = s; q < t; q++) span[q - s] = PyUnicode_READ(c->x.kind, c->x.data, q);
                if (one_more_or_less(span, len, tc, tn) && append_term(c, s, t, term) < 0) return -1;
            }
        }
    }
    return 0;
}

/* longer(text): (start, end, term number) for spans with one character missing or extra from a
 * term of five characters or more, ending in the term's last character; a span may come twice. */
static PyObject *Near_longer(Near *self, PyObject *arg) { return near_scan(self, arg, self->longer, longer_hit); }

static PyMethodDef Near_methods[] = {
    {"near", (PyCFunction)Near_near, METH_O, "near(text): (start, end, term number) of spans one character off a term"},
    {"longer", (PyCFunction)Near_longer, METH_O,
     "longer(text): (start, end, term number) of spans a character short or over a term of five or more"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject NearType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "doccheck._wordtable.Near",
    .tp_doc = "Near(halves, masked, arrays): spans one character off a term (checks/terms.py builds it)",
    .tp_basicsize = sizeof(Near),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Near_init,
    .tp_dealloc = (destructor)Near_dealloc,
    .tp_methods = Near_methods,
};

/* CharSet: where an expression that can only match from one of a few characters may match. sre reads
 * such an expression's first character class by a call a character (5-10 ns, most of the time the
 * rules spend in their expressions); this tests a bit a character and asks the expression only where
 * one of the characters stands (stretches.py holds the Python stand-in and the reference). */
typedef struct CharSet {
    PyObject_HEAD
    uint8_t bits[BMP / 8];
    Py_UCS4 *astral; /* the characters past the BMP, few or none */
    Py_ssize_t nastral;
    int decimal;           /* and every decimal digit (\d), past the BMP too */
    struct CharSet *then;  /* or NULL: a position counts only where the character then_at after it is in this set */
    Py_ssize_t then_at;
    struct CharSet *after; /* or NULL: and only at the text's start or where the character before is in this set */
    struct CharSet *not_after; /* or NULL: and only at the text's start or where the character before is not in it */
} CharSet;

static PyTypeObject CharSetType;

static int CharSet_init(CharSet *self, PyObject *args, PyObject *kwds) {
    static char *kw[] = {"chars", "decimal", "then", "then_at", "after", "not_after", NULL};
    PyObject *chars, *then = Py_None, *after = Py_None, *not_after = Py_None;
    int decimal = 0;
    Py_ssize_t then_at = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|pOnOO", kw, &chars, &decimal, &then, &then_at, &after, &not_after))
        return -1;
    if ((then != Py_None && !PyObject_TypeCheck(then, &CharSetType)) ||
        (after != Py_None && !PyObject_TypeCheck(after, &CharSetType)) ||
        (not_after != Py_None && !PyObject_TypeCheck(not_after, &CharSetType))) {
        PyErr_SetString(PyExc_TypeError, "CharSet(): then, after and not_after must be a CharSet or None");
        return -1;
    }
    Py_XINCREF(after == Py_None ? NULL : after);
    Py_XSETREF(self->after, after == Py_None ? NULL : (CharSet *)after);
    Py_XINCREF(not_after == Py_None ? NULL : not_after);
    Py_XSETREF(self->not_after, not_after == Py_None ? NULL : (CharSet *)not_after);
    if (then_at < 1) {
        PyErr_SetString(PyExc_ValueError, "CharSet(): then_at from 1");
        return -1;
    }
    self->then_at = then_at;
    Py_XINCREF(then == Py_None ? NULL : then);
    Py_XSETREF(self->then, then == Py_None ? NULL : (CharSet *)then);
    memset(self->bits, 0, sizeof self->bits);
    PyMem_Free(self->astral);
    self->astral = NULL;
    self->nastral = 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(chars);
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(chars, k);
        if (c < BMP) {
            self->bits[c >> 3] |= (uint8_t)(1u << (c & 7));
            continue;
        }
        Py_UCS4 *more = PyMem_Realloc(self->astral, (size_t)(self->nastral + 1) * sizeof(Py_UCS4));
        if (!more) {
            PyErr_NoMemory();
            return -1;
        }
        self->astral = more;
        self->astral[self->nastral++] = c;
    }
    self->decimal = decimal;
    if (decimal) { /* the BMP's decimal digits, found once a process */
        static uint8_t digits[BMP / 8];
        static int have_digits = 0;
        if (!have_digits) {
            for (Py_UCS4 c = 0; c < BMP; c++)
                if (Py_UNICODE_ISDECIMAL(c)) digits[c >> 3] |= (uint8_t)(1u << (c & 7));
            have_digits = 1;
        }
        for (size_t k = 0; k < sizeof digits; k++) self->bits[k] |= digits[k];
    }
    return 0;
}

static void CharSet_dealloc(CharSet *self) {
    PyMem_Free(self->astral);
    Py_XDECREF(self->then);
    Py_XDECREF(self->after);
    Py_XDECREF(self->not_after);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int member(const CharSet *cs, Py_UCS4 c) {
    if (c < BMP) return cs->bits[c >> 3] >> (c & 7) & 1;
    if (cs->decimal && Py_UNICODE_ISDECIMAL(c)) return 1;
    for (Py_ssize_t k = 0; k < cs->nastral; k++)
        if (cs->astral[k] == c) return 1;
    return 0;
}

/* the first i in [from, to) where text[i] is in the set (with then, text[i + then_at] < to in that; with
 * after, i is 0 or text[i - 1] in that; with not_after, i is 0 or text[i - 1] not in that), else to */
static Py_ssize_t next_member(const CharSet *cs, int kind, const void *data, Py_ssize_t from, Py_ssize_t to) {
    const uint8_t *bits = cs->bits;
    const CharSet *then = cs->then, *after = cs->after, *not_after = cs->not_after;
    const Py_ssize_t at = cs->then_at;
#define NEXT_IN(d) ((then == NULL || (i + at < to && member(then, (d)[i + at]))) && \
                    (after == NULL || i == 0 || member(after, (d)[i - 1])) && \
                    (not_after == NULL || i == 0 || !member(not_after, (d)[i - 1])))
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *d = data;
        for (Py_ssize_t i = from; i < to; i++)
            if ((bits[d[i] >> 3] >> (d[i] & 7) & 1) && NEXT_IN(d)) return i;
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *d = data;
        for (Py_ssize_t i = from; i < to; i++)
            if ((bits[d[i] >> 3] >> (d[i] & 7) & 1) && NEXT_IN(d)) return i;
    } else {
        const Py_UCS4 *d = data;
        for (Py_ssize_t i = from; i < to; i++)
            if (member(cs, d[i]) && NEXT_IN(d)) return i;
    }
#undef NEXT_IN
    return to;
}

/* text, start, end as re's pos and endpos read them: start from 0, end at most the text's length */
static int span_args(PyObject *const *args, Py_ssize_t nargs, Py_ssize_t first, Py_ssize_t *start,
                     Py_ssize_t *end) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(args[first]);
    *start = 0;
    *end = n;
    if (nargs > first + 1 && (*start = PyNumber_AsSsize_t(args[first + 1], PyExc_OverflowError)) == -1 &&
        PyErr_Occurred())
        return -1;
    if (nargs > first + 2 && (*end = PyNumber_AsSsize_t(args[first + 2], PyExc_OverflowError)) == -1 &&
        PyErr_Occurred())
        return -1;
    if (*start < 0) *start = 0;
    if (*end > n) *end = n;
    if (*start > n) *start = n;
    if (*end < *start) *end = *start;
    return 0;
}

/* find(text, start=0, end=len(text)): the first offset in [start, end) of a character of the set, or -1 */
static PyObject *CharSet_find(CharSet *self, PyObject *const *args, Py_ssize_t nargs) {
    Py_ssize_t start, end;
    if (nargs < 1 || nargs > 3 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "find(text, start=0, end=len(text))");
        return NULL;
    }
    if (span_args(args, nargs, 0, &start, &end) < 0) return NULL;
    Py_ssize_t i = next_member(self, PyUnicode_KIND(args[0]), PyUnicode_DATA(args[0]), start, end);
    return PyLong_FromSsize_t(i < end ? i : -1);
}

/* The matches of match(text, i, end) (a pattern's bound match, end its endpos) at each i in [start, end)
 * before `before` where the set's character stands, each from past the last: appended to out, or, with
 * out NULL, the first one put in *first. 0, or -1 with an exception set. */
static int collect(const CharSet *self, PyObject *match, PyObject *text, Py_ssize_t start, Py_ssize_t end,
                   Py_ssize_t before, PyObject *out, PyObject **first) {
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *stop = PyLong_FromSsize_t(end);
    if (!stop) return -1;
    int rc = 0;
    for (Py_ssize_t i = next_member(self, kind, data, start, end); i < end && i < before;) {
        PyObject *at = PyLong_FromSsize_t(i);
        if (!at) {
            rc = -1;
            break;
        }
        PyObject *call[3] = {text, at, stop};
        PyObject *m = PyObject_Vectorcall(match, call, 3, NULL);
        Py_DECREF(at);
        if (!m) {
            rc = -1;
            break;
        }
        Py_ssize_t from = i + 1;
        if (m != Py_None) {
            if (!out) {
                *first = m;
                break;
            }
            PyObject *e = PyObject_CallMethod(m, "end", NULL);
            Py_ssize_t to = e ? PyLong_AsSsize_t(e) : -1;
            Py_XDECREF(e);
            if ((to == -1 && PyErr_Occurred()) || PyList_Append(out, m) < 0) {
                Py_DECREF(m);
                rc = -1;
                break;
            }
            if (to > from) from = to;
        }
        Py_DECREF(m);
        i = next_member(self, kind, data, from, end);
    }
    Py_DECREF(stop);
    return rc;
}

/* The matches of rx in text[start:end] (re's pos and endpos), for an expression whose every match is
 * not empty and starts with a character of the set: rx.match at each such character past the last
 * match, as rx.finditer would find them; with first, the first match only (or None). */
static PyObject *matches_of(CharSet *self, PyObject *const *args, Py_ssize_t nargs, int first) {
    Py_ssize_t start, end;
    if (nargs < 2 || nargs > 4 || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "(rx, text, start=0, end=len(text))");
        return NULL;
    }
    if (span_args(args, nargs, 1, &start, &end) < 0) return NULL;
    PyObject *match = PyObject_GetAttrString(args[0], "match"), *out = NULL, *found = NULL;
    if (!match || (!first && !(out = PyList_New(0)))) goto fail;
    if (collect(self, match, args[1], start, end, end, out, &found) < 0) goto fail;
    Py_DECREF(match);
    if (first) return found ? found : (Py_INCREF(Py_None), Py_None);
    return out;
fail:
    Py_XDECREF(match);
    Py_XDECREF(out);
    return NULL;
}

/* matches_in(rx, text, stretches, tail): stretches.finditer_in for this set's expression, in one call:
 * for each (start, end) of stretches (int64 pairs), the matches in text[start:end + tail] that start
 * before end. */
static PyObject *CharSet_matches_in(CharSet *self, PyObject *args) {
    PyObject *rx, *text, *flat;
    Py_ssize_t tail;
    if (!PyArg_ParseTuple(args, "OUOn", &rx, &text, &flat, &tail)) return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(flat, &view, PyBUF_SIMPLE) < 0) return NULL;
    PyObject *match = NULL, *out = NULL;
    if (view.len % (Py_ssize_t)(2 * sizeof(int64_t))) {
        PyErr_SetString(PyExc_ValueError, "matches_in(): stretches must be (start, end) pairs of int64");
        goto done;
    }
    if (!(match = PyObject_GetAttrString(rx, "match")) || !(out = PyList_New(0))) goto done;
    const int64_t *pairs = view.buf;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), count = view.len / (Py_ssize_t)sizeof(int64_t);
    for (Py_ssize_t k = 0; k + 1 < count; k += 2) {
        Py_ssize_t start = pairs[k] < 0 ? 0 : (Py_ssize_t)pairs[k], end = (Py_ssize_t)pairs[k + 1];
        Py_ssize_t reach = end > n - tail ? n : end + tail;
        if (start >= reach) continue;
        if (collect(self, match, text, start, reach, end, out, NULL) < 0) {
            Py_CLEAR(out);
            goto done;
        }
    }
done:
    Py_XDECREF(match);
    PyBuffer_Release(&view);
    return out;
}

static PyObject *CharSet_matches(CharSet *self, PyObject *const *args, Py_ssize_t nargs) {
    return matches_of(self, args, nargs, 0);
}

static PyObject *CharSet_search(CharSet *self, PyObject *const *args, Py_ssize_t nargs) {
    return matches_of(self, args, nargs, 1);
}

static PyMethodDef CharSet_methods[] = {
    {"find", (PyCFunction)(void (*)(void))CharSet_find, METH_FASTCALL,
     "find(text, start=0, end=len(text)): the first offset of a character of the set, or -1"},
    {"matches", (PyCFunction)(void (*)(void))CharSet_matches, METH_FASTCALL,
     "matches(rx, text, start=0, end=len(text)): rx.finditer's matches, for an rx that starts with one of the characters"},
    {"matches_in", (PyCFunction)CharSet_matches_in, METH_VARARGS,
     "matches_in(rx, text, stretches, tail): stretches.finditer_in's matches, the stretches int64 (start, end) pairs"},
    {"search", (PyCFunction)(void (*)(void))CharSet_search, METH_FASTCALL,
     "search(rx, text, start=0, end=len(text)): the first of matches(), or None"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject CharSetType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "doccheck._wordtable.CharSet",
    .tp_doc = "CharSet(chars, decimal=False, then=None, then_at=1, after=None, not_after=None): where an expression "
              "that starts with one of chars (with one of then's then_at characters on, after one of after's and none "
              "of not_after's or at the start) may match",
    .tp_basicsize = sizeof(CharSet),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)CharSet_init,
    .tp_dealloc = (destructor)CharSet_dealloc,
    .tp_methods = CharSet_methods,
};

/* the alignment spaces anatomy._SPACES */
static inline int align_space(Py_UCS4 c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xa0; }

/* line_rows(text, nonempty): anatomy.split_lines' rows, the Python loop of which is the reference: for
 * each line of text (split on "\n"), its number, start, end and indent, the start and end those of the
 * line stripped of alignment spaces and of a Markdown heading or emphasis mark (^(#{1,6}\s+|\*\*), and
 * a closing ** after one); with nonempty, only the lines with something left. A bytearray of int64. */
static PyObject *line_rows(PyObject *Py_UNUSED(module), PyObject *args) {
    PyObject *text;
    int nonempty;
    if (!PyArg_ParseTuple(args, "Up", &text, &nonempty)) return NULL;
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Py_ssize_t lines = 1, used = 0;
    for (Py_ssize_t k = 0; k < n; k++) lines += PyUnicode_READ(kind, data, k) == '\n';
    /* room for every line, given back at the end: no second copy of a long text's rows */
    PyObject *out = PyByteArray_FromStringAndSize(NULL, (Py_ssize_t)(4 * lines * sizeof(int64_t)));
    if (!out) return NULL;
    int64_t *rows = (int64_t *)PyByteArray_AS_STRING(out);
    Py_ssize_t line = 0;
    for (Py_ssize_t pos = 0; pos <= n; line++) {
        Py_ssize_t end = pos;
        while (end < n && PyUnicode_READ(kind, data, end) != '\n') end++;
        Py_ssize_t a = pos, b = end;
        while (a < b && align_space(PyUnicode_READ(kind, data, a))) a++;
        while (b > a && align_space(PyUnicode_READ(kind, data, b - 1))) b--;
        Py_ssize_t cut = 0, size = b - a;
        Py_UCS4 first = size ? PyUnicode_READ(kind, data, a) : 0;
        if (first == '#') {
            Py_ssize_t k = a;
            while (k < b && PyUnicode_READ(kind, data, k) == '#') k++;
            if (k - a <= 6 && k < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k))) {
                while (k < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, k))) k++;
                cut = k - a;
            }
        } else if (first == '*' && size >= 2 && PyUnicode_READ(kind, data, a + 1) == '*') {
            cut = 2;
        }
        size -= cut;
        if (cut && size >= 2 && PyUnicode_READ(kind, data, b - 1) == '*' && PyUnicode_READ(kind, data, b - 2) == '*')
            size -= 2;
        if (size || !nonempty) {
            rows[used++] = line;
            rows[used++] = a + cut;
            rows[used++] = a + cut + size;
            rows[used++] = a - pos;
        }
        pos = end + 1;
    }
    if (PyByteArray_Resize(out, (Py_ssize_t)(used * sizeof(int64_t))) < 0) Py_CLEAR(out);
    return out;
}

/* build(items, total): the bytes of a table of (word, count) pairs, words unique and not empty */
static PyObject *build(PyObject *Py_UNUSED(module), PyObject *args) {
    PyObject *arg;
    unsigned long long total;
    if (!PyArg_ParseTuple(args, "OK", &arg, &total)) return NULL;
    if (total == 0) {
        PyErr_SetString(PyExc_ValueError, "build(): total must be positive");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(arg, "build() takes a sequence of (word, count)");
    if (!seq) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    if ((uint64_t)n >= (1ULL << 30)) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "build(): too many words");
        return NULL;
    }
    uint64_t nchars = 0;
    uint32_t maxlen = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        PyObject *w;
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2 || !PyUnicode_Check(w = PyTuple_GET_ITEM(item, 0)) ||
            PyUnicode_GET_LENGTH(w) == 0) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_ValueError, "build(): each item must be (non-empty word, count)");
            return NULL;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(w);
        nchars += (uint64_t)len;
        if ((uint64_t)len > maxlen) maxlen = (uint32_t)len;
    }
    uint32_t nslots = 8;
    while (nslots < 2ULL * (uint64_t)n + 1) nslots <<= 1;
    if (nchars >= 0xffffffffULL) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "build(): too many characters");
        return NULL;
    }
    uint64_t size = HEADER + 8ULL * nslots + 16ULL * (uint64_t)n + 4ULL * nchars;
    PyObject *out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)size);
    if (!out) {
        Py_DECREF(seq);
        return NULL;
    }
    char *p = PyBytes_AS_STRING(out);
    memset(p, 0, (size_t)size);
    uint32_t nentries = (uint32_t)n;
    memcpy(p, MAGIC, 8);
    memcpy(p + 8, &nslots, 4);
    memcpy(p + 12, &nentries, 4);
    memcpy(p + 16, &nchars, 8);
    memcpy(p + 24, &maxlen, 4);
    uint64_t total64 = total;
    memcpy(p + 32, &total64, 8);
    uint64_t *slots = (uint64_t *)(p + HEADER);
    entry_t *entries = (entry_t *)(p + HEADER + 8ULL * nslots);
    uint32_t *chars = (uint32_t *)(p + HEADER + 8ULL * nslots + 16ULL * n);
    /* a Table over the bytes being written answers find() for the duplicate check */
    Table t = {.nslots = nslots, .nentries = 0, .nchars = nchars, .slots = slots, .entries = entries, .chars = chars};
    uint32_t offset = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        PyObject *w = PyTuple_GET_ITEM(item, 0);
        unsigned long long f = PyLong_AsUnsignedLongLong(PyTuple_GET_ITEM(item, 1));
        if (PyErr_Occurred() || f > 0xffffffffULL) {
            if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "build(): a count must fit 32 bits");
            goto fail;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(w);
        if (!PyUnicode_AsUCS4(w, chars + offset, len, 0)) goto fail;
        uint32_t h = hash_of(chars + offset, len);
        if (find(&t, h, chars + offset, len)) {
            PyErr_Format(PyExc_ValueError, "build(): the word %R is given twice", w);
            goto fail;
        }
        entries[i] = (entry_t){h, offset, (uint32_t)len, (uint32_t)f};
        uint32_t s = h & (nslots - 1);
        while (slots[s]) s = (s + 1) & (nslots - 1);
        slots[s] = (uint64_t)h << 32 | ((uint32_t)i + 1);
        t.nentries = (uint32_t)i + 1;
        offset += (uint32_t)len;
    }
    Py_DECREF(seq);
    return out;
fail:
    Py_DECREF(seq);
    Py_DECREF(out);
    return NULL;
}

/* numbered(keys): the bytes of a table of the keys counted 1, 2, 3 … in order (a key given again takes
 * its later number) and of every prefix of a key that is no key itself counted 0, a prefix sharing
 * the characters of its key (wordtable.WordTable.numbered). */
/* The entry of the key chars[offset:offset+len] (len > 0) in t, a table being built: every prefix of a key
 * is an entry, added with count 0 where it is missing. NULL when t has no room for another entry (one
 * entry a character of t's chars at most). */
static entry_t *insert_key(Table *t, uint32_t offset, uint32_t len) {
    uint64_t h = H_INIT;
    entry_t *e = NULL;
    for (uint32_t j = 1; j <= len; j++) {
        h = h_step(h, t->chars[offset + j - 1]);
        uint32_t hash = h_final(h);
        e = (entry_t *)find(t, hash, t->chars + offset, j);
        if (!e) {
            if ((uint64_t)t->nentries >= t->nchars) return NULL;
            e = (entry_t *)&t->entries[t->nentries];
            *e = (entry_t){hash, offset, j, 0};
            uint32_t slot = hash & (t->nslots - 1);
            while (t->slots[slot]) slot = (slot + 1) & (t->nslots - 1);
            ((uint64_t *)t->slots)[slot] = (uint64_t)hash << 32 | ++t->nentries;
        }
    }
    return e;
}

static PyObject *numbered(PyObject *Py_UNUSED(module), PyObject *arg) {
    PyObject *seq = PySequence_Fast(arg, "numbered() takes a sequence of str");
    if (!seq) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    uint64_t nchars = 0;
    uint32_t maxlen = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(w) || PyUnicode_GET_LENGTH(w) == 0) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_ValueError, "numbered(): each key must be a non-empty str");
            return NULL;
        }
        nchars += (uint64_t)PyUnicode_GET_LENGTH(w);
        if ((uint64_t)PyUnicode_GET_LENGTH(w) > maxlen) maxlen = (uint32_t)PyUnicode_GET_LENGTH(w);
    }
    if (nchars >= (1ULL << 29) || (uint64_t)n >= (1ULL << 31)) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "numbered(): too many keys");
        return NULL;
    }
    uint32_t nslots = 8;
    while (nslots < 2 * nchars + 1) nslots <<= 1;
    uint64_t *slots = PyMem_Calloc(nslots, 8);
    uint32_t *chars = PyMem_Malloc((size_t)(nchars ? nchars : 1) * 4);
    entry_t *entries = PyMem_Malloc((size_t)(nchars ? nchars : 1) * sizeof(entry_t));
    PyObject *out = NULL;
    if (!slots || !chars || !entries) {
        PyErr_NoMemory();
        goto done;
    }
    Table t = {.nslots = nslots, .nentries = 0, .nchars = nchars, .slots = slots, .entries = entries, .chars = chars};
    uint32_t offset = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = PySequence_Fast_GET_ITEM(seq, i);
        Py_ssize_t len = PyUnicode_GET_LENGTH(w);
        if (!PyUnicode_AsUCS4(w, chars + offset, len, 0)) goto done;
        insert_key(&t, offset, (uint32_t)len)->freq = (uint32_t)(i + 1); /* room for every entry was made */
        offset += (uint32_t)len;
    }
    uint64_t size = HEADER + 8ULL * nslots + 16ULL * t.nentries + 4ULL * nchars;
    if (!(out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)size))) goto done;
    char *p = PyBytes_AS_STRING(out);
    memset(p, 0, HEADER);
    memcpy(p, MAGIC, 8);
    memcpy(p + 8, &nslots, 4);
    memcpy(p + 12, &t.nentries, 4);
    memcpy(p + 16, &nchars, 8);
    memcpy(p + 24, &maxlen, 4);
    uint64_t total = 1;
    memcpy(p + 32, &total, 8);
    memcpy(p + HEADER, slots, 8ULL * nslots);
    memcpy(p + HEADER + 8ULL * nslots, entries, 16ULL * t.nentries);
    memcpy(p + HEADER + 8ULL * nslots + 16ULL * t.nentries, chars, 4ULL * nchars);
done:
    PyMem_Free(slots);
    PyMem_Free(chars);
    PyMem_Free(entries);
    Py_DECREF(seq);
    return out;
}

/* Room in t, a table being built by key_number, for chars_needed characters (and as many entries) and
 * entries_needed entries at most half the slots: the characters and entries grown by doubling, the slots
 * doubled and filled again. -1 when out of memory (t is then still whole). */
static int room(Table *t, uint64_t chars_needed, uint64_t entries_needed) {
    if (chars_needed > t->nchars) { /* nchars: the room for characters and for entries */
        uint64_t cap = t->nchars ? t->nchars : 256;
        while (cap < chars_needed) cap *= 2;
        uint32_t *chars = cap < (1ULL << 29) ? PyMem_Realloc((void *)t->chars, cap * 4) : NULL;
        if (!chars) return -1;
        t->chars = chars;
        entry_t *entries = PyMem_Realloc((void *)t->entries, cap * sizeof(entry_t));
        if (!entries) return -1;
        t->entries = entries;
        t->nchars = cap;
    }
    if (2 * entries_needed >= t->nslots) {
        uint64_t n = t->nslots ? t->nslots : 512;
        while (2 * entries_needed >= n) n <<= 1;
        uint64_t *slots = n < (1ULL << 31) ? PyMem_Calloc(n, 8) : NULL;
        if (!slots) return -1;
        for (uint32_t k = 0; k < t->nentries; k++) {
            uint32_t slot = t->entries[k].hash & (uint32_t)(n - 1);
            while (slots[slot]) slot = (slot + 1) & (uint32_t)(n - 1);
            slots[slot] = (uint64_t)t->entries[k].hash << 32 | (k + 1);
        }
        PyMem_Free((void *)t->slots);
        t->slots = slots;
        t->nslots = (uint32_t)n;
    }
    return 0;
}

/* The number of the key chars[offset:offset+len] in t, a table being built as numbered() builds one
 * (every prefix an entry), added as number next when it is new; 0 when the table is full. */
static uint32_t key_number(Table *t, uint32_t offset, uint32_t len, uint32_t next) {
    entry_t *e = insert_key(t, offset, len);
    if (!e) return 0;
    if (!e->freq) e->freq = next;
    return e->freq;
}

/* own_terms(text, starts, suggestions): a bytes, 1 for each suspect written at text[i:i+n] (i = starts[k],
 * n = len(suggestions[k])) that is the document's own term: one of its windows (a character of context
 * before, after or both; for n > 1 the suspect alone too) occurs twice or more in text while the window
 * with the suggestion in its place never does. typo._own_terms is the reference. The windows are keys
 * of a table built here and counted in one scan of the text: no str is made for them. */
static PyObject *own_terms(PyObject *Py_UNUSED(module), PyObject *args) {
    PyObject *text, *starts_arg, *sugs_arg, *out = NULL;
    if (!PyArg_ParseTuple(args, "UOO", &text, &starts_arg, &sugs_arg)) return NULL;
    PyObject *starts = PySequence_Fast(starts_arg, "own_terms(): starts must be a sequence");
    PyObject *sugs = starts ? PySequence_Fast(sugs_arg, "own_terms(): suggestions must be a sequence") : NULL;
    uint32_t *ids = NULL;
    Py_ssize_t *count = NULL;
    Table t = {0}; /* grown as keys come (room): a batch's windows share most of their characters */
    if (!sugs) goto done;
    Py_ssize_t m = PySequence_Fast_GET_SIZE(starts), size = PyUnicode_GET_LENGTH(text);
    if (PySequence_Fast_GET_SIZE(sugs) != m) {
        PyErr_SetString(PyExc_ValueError, "own_terms(): as many suggestions as starts");
        goto done;
    }
    text_t x = text_of(text);
    uint64_t nchars = 0;
    for (Py_ssize_t k = 0; k < m; k++) {
        PyObject *sug = PySequence_Fast_GET_ITEM(sugs, k);
        Py_ssize_t i = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(starts, k));
        if (i == -1 && PyErr_Occurred()) goto done;
        if (!PyUnicode_Check(sug) || PyUnicode_GET_LENGTH(sug) < 1 || i < 0 || i + PyUnicode_GET_LENGTH(sug) > size) {
            PyErr_SetString(PyExc_ValueError, "own_terms(): each suggestion a str of 1 character or more, in the text");
            goto done;
        }
        nchars += 2 * (4 * (uint64_t)PyUnicode_GET_LENGTH(sug) + 5); /* the four windows, as written and suggested */
    }
    if (nchars >= (1ULL << 29)) {
        PyErr_SetString(PyExc_ValueError, "own_terms(): too many suspects at once");
        goto done;
    }
    ids = PyMem_Malloc((size_t)(m ? m : 1) * 8 * sizeof(uint32_t)); /* written, suggested: 4 windows each */
    if (!ids || room(&t, 1, 1) < 0) {
        PyErr_NoMemory();
        goto done;
    }
    uint32_t offset = 0, keys = 0;
    for (Py_ssize_t k = 0; k < m; k++) {
        PyObject *sug = PySequence_Fast_GET_ITEM(sugs, k);
        Py_ssize_t i = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(starts, k)), n = PyUnicode_GET_LENGTH(sug);
        Py_ssize_t win[4][2] = {{i - 1, i + n}, {i, i + n + 1}, {i - 1, i + n + 1}, {i, n > 1 ? i + n : -1}};
        for (int w = 0; w < 4; w++) {
            Py_ssize_t a = win[w][0], b = win[w][1];
            uint32_t *id = ids + 8 * k + 2 * w;
            id[0] = id[1] = 0;
            if (a < 0 || b > size || b < 0) continue;
            uint32_t len = (uint32_t)(b - a);
            for (int v = 0; v < 2; v++) { /* as written, then with the suggestion in the suspect's place */
                if (room(&t, (uint64_t)offset + len, (uint64_t)t.nentries + len) < 0) {
                    PyErr_NoMemory();
                    goto done;
                }
                uint32_t *chars = (uint32_t *)t.chars;
                for (Py_ssize_t p = a; p < b; p++)
                    chars[offset + (p - a)] = v && p >= i && p < i + n ? PyUnicode_READ_CHAR(sug, p - i)
                                                                       : PyUnicode_READ(x.kind, x.data, p);
                uint32_t number = key_number(&t, offset, len, keys + 1);
                if (!number) {
                    PyErr_SetString(PyExc_SystemError, "own_terms(): the table is full");
                    goto done;
                }
                if (number == keys + 1) { /* a new key: its characters stay */
                    keys++;
                    offset += len;
                    if (len > t.maxlen) t.maxlen = len;
                }
                id[v] = number;
            }
        }
    }
    if (!(count = PyMem_Calloc((size_t)keys + 1, sizeof(Py_ssize_t)))) {
        PyErr_NoMemory();
        goto done;
    }
    counting_t c = {count, keys};
    if (each_key(&t, x, 0, size, count_hit, &c) < 0) goto done;
    if (!(out = PyBytes_FromStringAndSize(NULL, m))) goto done;
    char *own = PyBytes_AS_STRING(out);
    for (Py_ssize_t k = 0; k < m; k++) {
        own[k] = 0;
        for (int w = 0; w < 4 && !own[k]; w++) {
            uint32_t *id = ids + 8 * k + 2 * w;
            own[k] = id[0] && count[id[0] - 1] >= 2 && !count[id[1] - 1];
        }
    }
done:
    PyMem_Free(t.firsts);
    PyMem_Free(t.ones);
    PyMem_Free(t.pairs);
    PyMem_Free((void *)t.slots);
    PyMem_Free((void *)t.chars);
    PyMem_Free((void *)t.entries);
    PyMem_Free(ids);
    PyMem_Free(count);
    Py_XDECREF(starts);
    Py_XDECREF(sugs);
    return out;
}

static PyMethodDef module_methods[] = {
    {"build", (PyCFunction)build, METH_VARARGS, "build(items, total): the bytes of a word table of (word, count) pairs"},
    {"numbered", (PyCFunction)numbered, METH_O, "numbered(keys): the bytes of a table of keys counted 1, 2, 3 …, prefixes 0"},
    {"own_terms", (PyCFunction)own_terms, METH_VARARGS,
     "own_terms(text, starts, suggestions): 1 for each suspect that is the document's own term"},
    {"string_set", (PyCFunction)string_set, METH_O, "string_set(strings): the bytes of a set of strings, for known_words"},
    {"line_rows", (PyCFunction)line_rows, METH_VARARGS,
     "line_rows(text, nonempty): anatomy.split_lines' rows (number, start, end, indent), int64 in a bytearray"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_wordtable", "jieba's word counts as a flat hash table, and the loops that read it", -1,
    module_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__wordtable(void) {
    if (PyType_Ready(&TableType) < 0 || PyType_Ready(&ScreenType) < 0 || PyType_Ready(&NearType) < 0 ||
        PyType_Ready(&CharSetType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m) return NULL;
    Py_INCREF(&TableType);
    if (PyModule_AddObject(m, "Table", (PyObject *)&TableType) < 0) {
        Py_DECREF(&TableType);
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddStringConstant(m, "FORMAT", MAGIC) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&ScreenType);
    if (PyModule_AddObject(m, "Screen", (PyObject *)&ScreenType) < 0) {
        Py_DECREF(&ScreenType);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&NearType);
    if (PyModule_AddObject(m, "Near", (PyObject *)&NearType) < 0) {
        Py_DECREF(&NearType);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&CharSetType);
    if (PyModule_AddObject(m, "CharSet", (PyObject *)&CharSetType) < 0) {
        Py_DECREF(&CharSetType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
