{{/*
Argo Rollouts (rollouts.enabled), as faces-chart 2.1 spells it: each workload becomes an
argoproj.io/v1alpha1 Rollout instead of a Deployment, beside a second Service, <name>-canary
(canary) or <name>-preview (blueGreen), that Argo points at the new pods. With the Gateway API
plugin and autocreateRoutes, the route the plugin shifts weights on is rendered too: the
workload's `route` (kind HTTPRoute or GRPCRoute), attached to the stable Service (GAMMA), with
the stable and canary Services as its backends. The pod template is the Deployment's.
Arguments: those of faces.workload.
*/}}
{{- define "faces.rollout" -}}
{{- $r := .root.Values.rollouts -}}
{{- $canary := eq $r.strategy "canary" -}}
{{- $second := printf "%s%s" .name (ternary $r.canary.serviceSuffix.canary $r.blueGreen.serviceSuffix.preview $canary) -}}
{{- $tr := $r.canary.trafficRouting | default dict -}}
{{- $provider := $tr.provider | default "" -}}
{{- $plugin := $tr.plugin | default dict -}}
{{- $pluginName := $plugin.name | default "" -}}
{{- if and $provider $pluginName -}}
{{- fail (printf "rollouts.canary.trafficRouting: set either provider (%s) or plugin.name (%s), not both; unset one with --set rollouts.canary.trafficRouting.plugin.name= or ...provider=null" $provider $pluginName) -}}
{{- end -}}
{{- $route := (index .root.Values .key).route | default dict -}}
{{- $routeKind := $route.kind | default "" -}}
{{- $routeName := $route.name | default (printf "%s-route" .name) -}}
{{- $gateway := and $canary (eq $pluginName "argoproj-labs/gatewayAPI") $plugin.autocreateRoutes $routeKind -}}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $second }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "faces.labels" . | nindent 4 }}
    {{- /* The ServiceMonitor skips it: the stable Service already reaches every pod. */}}
    faces.demo/rollout-service: {{ ternary "canary" "preview" $canary }}
spec:
  type: ClusterIP
  selector:
    service: {{ .name }}
  ports:
    - name: http
      port: 80
      targetPort: http
{{- if $gateway }}
---
apiVersion: gateway.networking.k8s.io/v1
kind: {{ $routeKind }}
metadata:
  name: {{ $routeName }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "faces.labels" . | nindent 4 }}
spec:
  parentRefs:
    - group: ""
      kind: Service
      name: {{ .name }}
      port: 80
  rules:
    # The plugin moves the weights during a rollout; at rest everything goes to the stable pods.
    - backendRefs:
        - group: ""
          kind: Service
          name: {{ .name }}
          port: 80
          weight: 100
        - group: ""
          kind: Service
          name: {{ $second }}
          port: 80
          weight: 0
{{- end }}
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: {{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "faces.labels" . | nindent 4 }}
  {{- if $r.guiEvents }}
  # The GUI's rollout banner: k8s/examples/argo-rollouts/notifications.yaml defines these triggers.
  annotations:
    {{- range $trigger := list "updated" "step-completed" "paused" "completed" "aborted" }}
    notifications.argoproj.io/subscribe.on-rollout-{{ $trigger }}.faces-gui: ""
    {{- end }}
  {{- end }}
spec:
  {{- if not .omitReplicas }}
  replicas: {{ include "faces.replicas" . }}
  {{- end }}
  revisionHistoryLimit: {{ $r.revisionHistoryLimit }}
  progressDeadlineSeconds: {{ $r.progressDeadlineSeconds }}
  minReadySeconds: {{ $r.minReadySeconds }}
  selector:
    matchLabels:
      service: {{ .name }}
  strategy:
    {{- if $canary }}
    canary:
      maxSurge: {{ $r.maxSurge }}
      maxUnavailable: {{ $r.maxUnavailable }}
      {{- if or $provider $pluginName }}
      stableService: {{ .name }}
      canaryService: {{ $second }}
      trafficRouting:
        {{- if $provider }}
        {{ $provider }}: {}
        {{- else }}
        plugins:
          {{ $pluginName }}:
            {{- if $plugin.config }}
            {{- toYaml $plugin.config | nindent 12 }}
            {{- else if and $gateway (eq $routeKind "GRPCRoute") }}
            grpcRoute: {{ $routeName }}
            namespace: {{ .root.Release.Namespace }}
            {{- else if $gateway }}
            httpRoute: {{ $routeName }}
            namespace: {{ .root.Release.Namespace }}
            {{- else }} {}
            {{- end }}
        {{- end }}
      {{- end }}
      {{- with (index $r.canary .key).steps }}
      steps:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- else }}
    blueGreen:
      activeService: {{ .name }}
      previewService: {{ $second }}
      autoPromotionEnabled: {{ $r.blueGreen.autoPromotionEnabled }}
      {{- if include "faces.isSet" $r.blueGreen.autoPromotionSeconds }}
      autoPromotionSeconds: {{ $r.blueGreen.autoPromotionSeconds }}
      {{- end }}
    {{- end }}
  template:
    {{- include "faces.podTemplate" . | nindent 4 }}
{{- end -}}
