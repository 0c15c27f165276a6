"""The detector in compiled code: per-character tables that let ``_wordtable.Screen`` rule out,
without a Python step, the uncovered characters ``Detector.check_clause`` and ``check_words`` would
skip anyway (unjudged words, rare characters inside words, characters none of whose candidates can
make a frequent word with a neighbour), find the candidates that fill a blank of a frequent word
around the rest (``Candidates.fillers``) and score them (sounds alike: shared reading numbers;
words typed by their sound: rows of same-sounding words). Four in five uncovered characters end at
the screen. The tables are derived once with the detector's and cached; Detector is the reference."""

from __future__ import annotations

import struct
from array import array

from .candidates import Candidates

MAGIC = b"DCSCRN01"
FORMAT = 4  # of what screen_tables returns: a change derives the cached tables anew
BMP = 0x10000
_HEADER = struct.Struct("=8sIIIIIIIIII15Q")  # 168 bytes: _wordtable.c reads the same layout


def screen_tables(candidates: Candidates, unjudged: frozenset[str]) -> tuple[bytes, bytes, bytes]:
    """The tables of ``_wordtable.Screen`` for these candidates (with their ``follows`` and
    ``precedes``, which the screen needs) and these unjudged characters, the word table of the
    blanks ("会?" → its row of fillers) and that of the pairs of readings (→ their row of words)."""
    from ..wordtable import WordTable

    follows, precedes = candidates.follows, candidates.precedes
    fillers = sorted(set().union(*follows.values(), *precedes.values()))
    bit = {ch: k for k, ch in enumerate(fillers)}
    words = max(1, (len(fillers) + 63) // 64)

    flags = bytearray(BMP)
    for ch in unjudged:
        if ord(ch) < BMP:
            flags[ord(ch)] |= 1
    for ch in candidates.common:
        if ord(ch) < BMP:
            flags[ord(ch)] |= 2

    def rows(table: dict[str, frozenset[str]]) -> tuple[array, array]:
        index, bits = array("i", [-1]) * BMP, array("Q")
        for ch, chars in table.items():
            if ord(ch) >= BMP:
                continue
            index[ord(ch)] = len(bits) // words
            row = [0] * words
            for c in chars:
                row[bit[c] >> 6] |= 1 << (bit[c] & 63)
            bits.extend(row)
        return index, bits

    fol_row, fol_bits = rows(follows)
    pre_row, pre_bits = rows(precedes)
    cand_off, cand = array("I", [0]) * (BMP + 1), array("H")
    for code in range(BMP):
        cand_off[code] = len(cand)
        ch = chr(code)
        if candidates.readings.get(ch) or ch in candidates.shapes:
            cand.extend(sorted(bit[c] for c in candidates.of(ch) if c in bit))
    cand_off[BMP] = len(cand)

    # a filler of a frequent word's blank follows or precedes another character of that word
    blanks, row_off, row_bits = [], array("I", [0]), array("H")
    for row, (blank, chars) in enumerate(candidates.index.items()):
        blanks.append((blank, row))
        row_bits.extend(sorted(bit[c] for c in chars))
        row_off.append(len(row_bits))

    # each character's readings as numbers, for "sounds alike" (Candidates.homophones)
    reading_ids: dict[str, int] = {}
    read_off, read_ids = array("I", [0]) * (BMP + 1), array("I")
    for code in range(BMP):
        read_off[code] = len(read_ids)
        keys = candidates.readings.get(chr(code))
        if keys:
            read_ids.extend(sorted({reading_ids.setdefault(k, len(reading_ids)) for k in keys}))
    read_off[BMP] = len(read_ids)

    # the frequent two-character words of each pair of readings (Candidates.same_sound_words)
    sounds, snd_off, snd_words = [], array("I", [0]), array("I")
    for (a, b), ws in candidates.words.items():
        if a not in reading_ids or b not in reading_ids:
            continue  # a reading no character in the BMP has: the pair is never asked about here
        sounds.append(chr(reading_ids[a] + 1) + chr(reading_ids[b] + 1))
        for w in ws:
            snd_words.extend(map(ord, w))
        snd_off.append(len(snd_words) // 2)

    sections = [bytes(flags), fol_row.tobytes(), pre_row.tobytes(), cand_off.tobytes(),
                fol_bits.tobytes(), pre_bits.tobytes(), cand.tobytes(),
                array("I", map(ord, fillers)).tobytes(), row_off.tobytes(), row_bits.tobytes(),
                read_off.tobytes(), read_ids.tobytes(), snd_off.tobytes(), snd_words.tobytes()]
    offsets, body, at = [], bytearray(), _HEADER.size
    for part in sections:
        pad = -at % 8  # each section 8-byte aligned
        body += bytes(pad)
        at += pad
        offsets.append(at)
        body += part
        at += len(part)
    header = _HEADER.pack(MAGIC, words, len(fol_bits) // words, len(pre_bits) // words, len(cand), len(fillers),
                          len(blanks), len(row_bits), len(read_ids), len(sounds), len(snd_words) // 2, *offsets, at)
    return header + bytes(body), WordTable.build(blanks, 1).buffer, WordTable.numbered(sounds).buffer
