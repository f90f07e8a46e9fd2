{{/*
Helpers shared by every template. Values that may be 0 are never passed through `default`
(which treats 0, "" and false as empty): "unset" is tested explicitly with faces.isSet.
*/}}

{{/* The image every workload runs unless its values say otherwise. */}}
{{- define "faces.imageName" -}}ghcr.io/faces-demo/faces{{- end -}}

{{/* "true" when a value is set: not null and not "". 0 and false are set. */}}
{{- define "faces.isSet" -}}
{{- if not (or (kindIs "invalid" .) (and (kindIs "string" .) (eq . ""))) -}}true{{- end -}}
{{- end -}}

{{/* A number or a string as a string, for env values ("0" stays "0"). */}}
{{- define "faces.str" -}}
{{- if kindIs "float64" . -}}{{ . | int64 | toString }}{{- else -}}{{ . | toString }}{{- end -}}
{{- end -}}

{{/* An image: `image` wins; else imageName (ours when empty) with imageTag, else defaultImageTag, else appVersion. */}}
{{- define "faces.image" -}}
{{- $v := .values -}}
{{- if include "faces.isSet" $v.image -}}
{{- $v.image -}}
{{- else -}}
{{- $name := include "faces.imageName" . -}}
{{- if include "faces.isSet" $v.imageName -}}{{- $name = $v.imageName -}}{{- end -}}
{{- $tag := .root.Chart.AppVersion -}}
{{- if include "faces.isSet" .root.Values.defaultImageTag -}}{{- $tag = include "faces.str" .root.Values.defaultImageTag -}}{{- end -}}
{{- if include "faces.isSet" $v.imageTag -}}{{- $tag = include "faces.str" $v.imageTag -}}{{- end -}}
{{- printf "%s:%s" $name $tag -}}
{{- end -}}
{{- end -}}

{{- define "faces.pullPolicy" -}}
{{- if include "faces.isSet" .values.imagePullPolicy -}}{{ .values.imagePullPolicy }}{{- else -}}{{ .root.Values.defaultImagePullPolicy }}{{- end -}}
{{- end -}}

{{- define "faces.replicas" -}}
{{- if include "faces.isSet" .values.replicas -}}{{ include "faces.str" .values.replicas }}{{- else -}}{{ include "faces.str" .root.Values.defaultReplicas }}{{- end -}}
{{- end -}}

{{/* A workload's own value, else the inherited one; "" when neither is set. */}}
{{- define "faces.inherit" -}}
{{- if include "faces.isSet" .own -}}{{ include "faces.str" .own }}{{- else if include "faces.isSet" .inherited -}}{{ include "faces.str" .inherited }}{{- end -}}
{{- end -}}

{{/* Labels on every object's metadata. `service` is the one selectors use. */}}
{{- define "faces.labels" -}}
service: {{ .name }}
{{ include "faces.commonLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* Labels on pods: no version or chart, so an upgrade that changes nothing else rolls nothing. */}}
{{- define "faces.commonLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: faces
{{- end -}}

{{/* The load tester's URL the Flagger webhooks call. */}}
{{- define "faces.loadtesterUrl" -}}
{{- if .Values.flagger.loadtesterUrl -}}{{ .Values.flagger.loadtesterUrl }}{{- else -}}http://faces-loadtester.{{ .Release.Namespace }}/{{- end -}}
{{- end -}}

{{- /* The GUI's Flagger event webhook, appended to a Canary's webhooks when flagger.guiEvents. */ -}}
{{- define "faces.guiEventsWebhook" -}}
{{- if .root.Values.flagger.guiEvents }}
- name: gui-events
  type: event
  url: http://faces-gui.{{ .root.Release.Namespace }}/events
  {{- if .maxWeight }}
  metadata:
    maxWeight: {{ .maxWeight | quote }}
  {{- end }}
{{- end }}
{{- end -}}

{{/* The Secret that holds CONTROL_TOKEN, EVENTS_TOKEN and MCP_TOKEN: existingSecret, or the chart's own. */}}
{{- define "faces.tokensSecret" -}}
{{- .Values.existingSecret | default (printf "%s-tokens" .Release.Name) -}}
{{- end -}}

{{/* The token variables a workload reads from that Secret, as a JSON list: CONTROL_TOKEN for every
service, EVENTS_TOKEN for the GUI too, MCP_TOKEN for faces-mcp (.mcp); only those that are set
(existingSecret: all of them, MCP_TOKEN as an optional key). */}}
{{- define "faces.tokens" -}}
{{- $v := .root.Values -}}
{{- $tokens := list -}}
{{- if or $v.existingSecret $v.controlToken -}}{{- $tokens = append $tokens "CONTROL_TOKEN" -}}{{- end -}}
{{- if and .gui (or $v.existingSecret $v.eventsToken) -}}{{- $tokens = append $tokens "EVENTS_TOKEN" -}}{{- end -}}
{{- if and .mcp (or $v.existingSecret $v.mcpToken) -}}{{- $tokens = append $tokens "MCP_TOKEN" -}}{{- end -}}
{{- toJson $tokens -}}
{{- end -}}

{{/* A backend workload's values with each unset image key (image, imageName, imageTag,
imagePullPolicy) taken from `backend`, as JSON. */}}
{{- define "faces.backendImage" -}}
{{- $v := deepCopy .own -}}
{{- range $key := list "image" "imageName" "imageTag" "imagePullPolicy" -}}
{{- if and (not (include "faces.isSet" (index $v $key))) (include "faces.isSet" (index $.backend $key)) -}}
{{- $_ := set $v $key (index $.backend $key) -}}
{{- end -}}
{{- end -}}
{{- toJson $v -}}
{{- end -}}
