/* _wordtable: jieba's word counts as one open-addressing hash table in a flat buffer (a
 * memory-mapped file shared by every process that checks text), and the loops that read it
 * hundreds of times per page: the best segmentation of a window (the typo detector's unigram
 * score) and the mask of characters some frequent word covers (its screen).
 *
 * The Python code in scoring.py and lexicon.py is the reference: the same programme, the same
 * arithmetic in the same order, so the two give bit-identical scores (tests hold them equal).
 *
 * Layout, native byte order, every part 4-byte aligned:
 *   header  magic "DCWTBL01", u32 nslots (a power of two > nentries), u32 nentries,
 *           u64 nchars, u32 maxlen, u32 reserved, u64 total (the sum of the counts)   40 bytes
 *   slots   u32[nslots]: 1 + the index of an entry, 0 for an empty slot
 *   entries {u32 hash, u32 offset, u32 len, u32 freq}[nentries], in the order given to build()
 *   chars   u32[nchars]: the words' code points, one after another
 * A file read from the cache is trusted only as far as its header: every index read from it
 * is checked before use, so a damaged file gives wrong counts at worst, never a crash. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define MAGIC "DCWTBL01"
#define HEADER 40
#define STACK 64 /* windows up to this many characters are scored on the stack */

typedef struct {
    uint32_t hash, offset, len, freq;
} entry_t;

static inline uint64_t h_step(uint64_t h, Py_UCS4 cp) { return (h ^ cp) * 0x100000001b3ULL; }
#define H_INIT 0xcbf29ce484222325ULL
static inline uint32_t h_final(uint64_t h) { return (uint32_t)(h ^ (h >> 32)); }

static uint32_t hash_of(const Py_UCS4 *s, Py_ssize_t n) {
    uint64_t h = H_INIT;
    for (Py_ssize_t i = 0; i < n; i++) h = h_step(h, s[i]);
    return h_final(h);
}

typedef struct {
    PyObject_HEAD
    Py_buffer view;
    int has_view;
    uint32_t nslots, nentries, maxlen;
    uint64_t nchars, total;
    const uint32_t *slots;
    const entry_t *entries;
    const uint32_t *chars;
    double log_total;
} Table;

/* The entry of s[0:n] with hash h, or NULL. */
static const entry_t *find(const Table *t, uint32_t h, const Py_UCS4 *s, Py_ssize_t n) {
    uint32_t mask = t->nslots - 1, i = h & mask;
    for (uint32_t probes = 0; probes < t->nslots; probes++, i = (i + 1) & mask) {
        uint32_t e = t->slots[i];
        if (!e) return NULL;
        if (e > t->nentries) return NULL; /* damaged */
        const entry_t *en = &t->entries[e - 1];
        if (en->hash == h && en->len == (uint64_t)n && (uint64_t)en->offset + en->len <= t->nchars &&
            memcmp(t->chars + en->offset, s, (size_t)n * sizeof(Py_UCS4)) == 0)
            return en;
    }
    return NULL;
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
            const entry_t *e = find(t, h_final(h), s + i, j - i);
            if (!e) break; /* the dictionary holds every prefix of every word */
            if (e->freq) {
                double v = (log((double)e->freq) - lt) + route[j];
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
    uint64_t need = HEADER + 4ULL * nslots + 16ULL * nentries + 4ULL * nchars;
    if (nslots == 0 || (nslots & (nslots - 1)) || nslots <= nentries || need != (uint64_t)size || total == 0 ||
        ((uintptr_t)p & 3)) {
        PyErr_SetString(PyExc_ValueError, "word table: damaged header");
        return -1;
    }
    self->nslots = nslots;
    self->nentries = nentries;
    self->nchars = nchars;
    self->maxlen = maxlen;
    self->slots = (const uint32_t *)(p + HEADER);
    self->entries = (const entry_t *)(p + HEADER + 4ULL * nslots);
    self->chars = (const uint32_t *)(p + HEADER + 4ULL * nslots + 16ULL * nentries);
    self->total = total;
    self->log_total = log((double)total);
    return 0;
}

static void Table_dealloc(Table *self) {
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
    if ((uint64_t)e->offset + e->len > self->nchars) {
        PyErr_SetString(PyExc_ValueError, "word table: damaged entry");
        return NULL;
    }
    PyObject *w = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, self->chars + e->offset, e->len);
    if (!w) return NULL;
    return Py_BuildValue("(NK)", w, (unsigned long long)e->freq);
}

/* best_path(s): the log probability of the best segmentation of s */
static PyObject *Table_best_path(Table *self, PyObject *arg) {
    if (!ready(self)) return NULL;
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
    if (!ready(self)) return NULL;
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
    if (!ready(self)) return NULL;
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

/* cover(text): a bytearray, 1 for each character inside some occurrence of a word whose count is
 * not 0 (the table holds the words' prefixes with count 0, so a scan stops where no word can
 * continue), 0 elsewhere. lexicon.PhraseMatcher.cover is the reference. */
static PyObject *Table_cover(Table *self, PyObject *arg) {
    if (!ready(self)) return NULL;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "cover() takes a str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    int kind = PyUnicode_KIND(arg);
    const void *data = PyUnicode_DATA(arg);
    PyObject *mask = PyByteArray_FromStringAndSize(NULL, n);
    if (!mask) return NULL;
    char *m = PyByteArray_AS_STRING(mask);
    memset(m, 0, (size_t)n);
    Py_UCS4 word[STACK];
    uint32_t longest = self->maxlen < STACK ? self->maxlen : STACK;
    Py_ssize_t covered_to = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        uint64_t h = H_INIT;
        for (Py_ssize_t j = i; j < n && (uint64_t)(j - i) < longest; j++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, j);
            word[j - i] = c;
            h = h_step(h, c);
            const entry_t *e = find(self, h_final(h), word, j - i + 1);
            if (!e) break;
            if (e->freq) {
                for (Py_ssize_t p = i > covered_to ? i : covered_to; p <= j; p++) m[p] = 1;
                if (j + 1 > covered_to) covered_to = j + 1;
            }
        }
    }
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
    {"cover", (PyCFunction)Table_cover, METH_O, "cover(text): 1 for each character some word covers"},
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
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "doccheck.spelling._wordtable.Table",
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
    uint64_t size = HEADER + 4ULL * nslots + 16ULL * (uint64_t)n + 4ULL * nchars;
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
    uint32_t *slots = (uint32_t *)(p + HEADER);
    entry_t *entries = (entry_t *)(p + HEADER + 4ULL * nslots);
    uint32_t *chars = (uint32_t *)(p + HEADER + 4ULL * nslots + 16ULL * n);
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
        slots[s] = (uint32_t)i + 1;
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

static PyMethodDef module_methods[] = {
    {"build", (PyCFunction)build, METH_VARARGS, "build(items, total): the bytes of a word table of (word, count) pairs"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_wordtable", "jieba's word counts as a flat hash table, and the loops that read it", -1,
    module_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__wordtable(void) {
    if (PyType_Ready(&TableType) < 0) return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m) return NULL;
    Py_INCREF(&TableType);
    if (PyModule_AddObject(m, "Table", (PyObject *)&TableType) < 0) {
        Py_DECREF(&TableType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
