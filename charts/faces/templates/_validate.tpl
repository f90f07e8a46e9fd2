{{/*
The checks Helm's schema errors cannot say in one line (see scripts/chart-schema.mjs): walks the
values beside values.schema.json and fails on the first problem with the key and what it takes.
- an unknown key in a closed object (one with `properties` and no `additionalProperties`): the
  nearest known key, or the keys there are;
- a string with `x-faces-check` {pattern, accepts} that does not match: what it accepts;
- extraEnv names (`x-faces-names`) a workload does not read, colorForUser names (`x-faces-keys`).
Types, enums and ranges stay with the schema, whose messages are already one line.
Arguments: path (dotted, "" at the top), value, schema.
*/}}
{{- define "faces.check" -}}
{{- $s := .schema -}}
{{- $v := .value -}}
{{- $path := .path -}}
{{- if kindIs "map" $v -}}
  {{- $props := $s.properties | default dict -}}
  {{- $closed := and $s.properties (not (hasKey $s "additionalProperties")) -}}
  {{- range $key := keys $v | sortAlpha -}}
    {{- $child := index $v $key -}}
    {{- $p := ternary $key (printf "%s.%s" $path $key) (eq $path "") -}}
    {{- if hasKey $props $key -}}
      {{- include "faces.check" (dict "path" $p "value" $child "schema" (index $props $key)) -}}
    {{- else if $closed -}}
      {{- fail (printf "%s is not a value of this chart%s" $p (include "faces.nearest" (dict "key" $key "known" (keys $props) "path" $path))) -}}
    {{- else if kindIs "map" $s.additionalProperties -}}
      {{- include "faces.check" (dict "path" $p "value" $child "schema" $s.additionalProperties) -}}
    {{- end -}}
  {{- end -}}
  {{- with index $s "x-faces-names" -}}
    {{- $names := . -}}
    {{- range $key := keys $v | sortAlpha -}}
      {{- if hasKey $names.reserved $key -}}
        {{- fail (printf "%s.%s: not through extraEnv: %s" $path $key (index $names.reserved $key)) -}}
      {{- else if not (has $key $names.allowed) -}}
        {{- $hint := include "faces.nearest" (dict "key" $key "known" $names.allowed "path" "" "bare" true) | default (printf "; it reads %s" (join ", " $names.allowed)) -}}
        {{- fail (printf "%s.%s: %s does not read %s%s" $path $key $names.who $key $hint) -}}
      {{- end -}}
    {{- end -}}
  {{- end -}}
  {{- with index $s "x-faces-keys" -}}
    {{- $rule := . -}}
    {{- range $key := keys $v | sortAlpha -}}
      {{- if or (not (regexMatch $rule.pattern $key)) (regexMatch $rule.refused $key) -}}
        {{- fail (printf "%s: %q is not accepted as a key: use %s" $path $key $rule.accepts) -}}
      {{- end -}}
    {{- end -}}
  {{- end -}}
{{- else if kindIs "slice" $v -}}
  {{- if kindIs "map" $s.items -}}
    {{- range $i, $item := $v -}}
      {{- include "faces.check" (dict "path" (printf "%s[%d]" $path $i) "value" $item "schema" $s.items) -}}
    {{- end -}}
  {{- end -}}
{{- else if kindIs "string" $v -}}
  {{- with index $s "x-faces-check" -}}
    {{- if not (regexMatch .pattern $v) -}}
      {{- fail (printf "%s: %q is not accepted: use %s" $path $v .accepts) -}}
    {{- end -}}
  {{- end -}}
{{- end -}}
{{- end -}}

{{/*
"; did you mean <path>.<known>?" for the known key nearest to key (longest common prefix plus
suffix, case-insensitive, at least 3 letters), else "; <path> takes: a, b, c".
Arguments: key, known (list), path, bare (no path prefix in the suggestion).
*/}}
{{- define "faces.nearest" -}}
{{- $key := lower .key -}}
{{- $best := "" -}}
{{- $bestScore := 2 -}}
{{- range $known := .known -}}
  {{- $k := lower $known -}}
  {{- $n := min (len $k) (len $key) -}}
  {{- $score := 0 -}}
  {{- $stop := false -}}
  {{- range $i := until (int $n) -}}
    {{- if and (not $stop) (eq (substr $i (add1 $i | int) $k) (substr $i (add1 $i | int) $key)) -}}{{- $score = add1 $score -}}{{- else -}}{{- $stop = true -}}{{- end -}}
  {{- end -}}
  {{- $stop = false -}}
  {{- range $i := until (int $n) -}}
    {{- $a := substr (sub (len $k) (add1 $i) | int) (sub (len $k) $i | int) $k -}}
    {{- $b := substr (sub (len $key) (add1 $i) | int) (sub (len $key) $i | int) $key -}}
    {{- if and (not $stop) (eq $a $b) -}}{{- $score = add1 $score -}}{{- else -}}{{- $stop = true -}}{{- end -}}
  {{- end -}}
  {{- if gt $score $bestScore -}}{{- $best = $known -}}{{- $bestScore = $score -}}{{- end -}}
{{- end -}}
{{- if $best -}}
; did you mean {{ if or .bare (eq .path "") }}{{ $best }}{{ else }}{{ .path }}.{{ $best }}{{ end }}?
{{- else if not .bare -}}
; {{ .path | default "the top level" }} takes: {{ join ", " (sortAlpha .known) }}
{{- end -}}
{{- end -}}
