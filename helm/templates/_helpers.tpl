{{/*
Names, labels and the one place that states the architecture's wiring. Every template iterates over
.Values.services and asks these helpers; nothing else knows who talks to whom.
*/}}

{{- define "taskflow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "taskflow.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Name of a service's objects: (dict "root" $ "service" "task-service") */}}
{{- define "taskflow.serviceName" -}}
{{- printf "%s-%s" (include "taskflow.fullname" .root) .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "taskflow.chartLabel" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels of a service: (dict "root" $ "service" "task-service") */}}
{{- define "taskflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "taskflow.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}
{{- end -}}

{{- define "taskflow.labels" -}}
{{ include "taskflow.selectorLabels" . }}
app.kubernetes.io/part-of: taskflow
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "taskflow.chartLabel" .root }}
{{- end -}}

{{/* Labels of objects that belong to the release as a whole. */}}
{{- define "taskflow.releaseLabels" -}}
app.kubernetes.io/name: {{ include "taskflow.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: taskflow
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "taskflow.chartLabel" . }}
{{- end -}}

{{/* Image of a service: (dict "root" $ "service" "task-service"). The tag defaults to appVersion, never latest. */}}
{{- define "taskflow.image" -}}
{{- $image := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $image.tag | toString -}}
{{- if eq $tag "latest" -}}
{{- fail "image.tag must name a release: `latest` is not accepted" -}}
{{- end -}}
{{- $repository := printf "%s/%s" $image.repository .service -}}
{{- if $image.registry -}}
{{- printf "%s/%s:%s" $image.registry $repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end -}}

{{/* A service's effective values: serviceDefaults overridden by services.<name>. Returns YAML; use fromYaml. */}}
{{- define "taskflow.serviceValues" -}}
{{- $override := index .root.Values.services .service | default dict -}}
{{- $merged := mergeOverwrite (deepCopy .root.Values.serviceDefaults) (deepCopy $override) -}}
{{- toYaml $merged -}}
{{- end -}}

{{/*
The architecture (ARCHITECTURE.md): whom each service calls over HTTP, and which external endpoints it uses.
Callers of a service are derived from this, so NetworkPolicy ingress and egress cannot disagree.
*/}}
{{- define "taskflow.wiring" -}}
gateway:
  calls: [auth-service, user-service, task-service, notification-service]
  uses: [redis]
auth-service:
  calls: []
  uses: [mongodb, kafka, redis]
user-service:
  calls: [auth-service]
  uses: [mongodb, kafka]
task-service:
  calls: [auth-service, user-service]
  uses: [mongodb, kafka]
notification-service:
  calls: [auth-service]
  uses: [mongodb, kafka, redis, smtp]
{{- end -}}

{{/* Services that call the given one: (dict "root" $ "service" "user-service"), as a YAML list. */}}
{{- define "taskflow.callers" -}}
{{- $wiring := include "taskflow.wiring" .root | fromYaml -}}
{{- $callers := list -}}
{{- range $caller := keys $wiring | sortAlpha -}}
{{- if has $.service (index $wiring $caller).calls -}}
{{- $callers = append $callers $caller -}}
{{- end -}}
{{- end -}}
{{- toYaml (dict "callers" $callers) -}}
{{- end -}}

{{/* Base URL of a service inside the cluster. */}}
{{- define "taskflow.serviceUrl" -}}
{{- $port := (index .root.Values.services .service).port -}}
{{- printf "http://%s:%v" (include "taskflow.serviceName" .) $port -}}
{{- end -}}

{{/* Name of the Secret a service reads its credentials from ("" when it has none). */}}
{{- define "taskflow.secretName" -}}
{{- $values := include "taskflow.serviceValues" . | fromYaml -}}
{{- if $values.existingSecret -}}
{{- $values.existingSecret -}}
{{- else if $values.secretEnv -}}
{{- include "taskflow.serviceName" . -}}
{{- end -}}
{{- end -}}

{{- define "taskflow.signingKeysSecretName" -}}
{{- if .Values.signingKeys.existingSecret -}}
{{- .Values.signingKeys.existingSecret -}}
{{- else -}}
{{- printf "%s-signing-keys" (include "taskflow.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/* The browser origins allowed to call the API with credentials: the public URL's, then any extra ones, comma-separated
(Spring binds that to a list). Both the gateway's CORS and auth-service's refresh cookie use it, so they cannot drift. */}}
{{- define "taskflow.browserOrigins" -}}
{{- prepend .Values.browserOrigins .Values.publicUrl | uniq | join "," -}}
{{- end }}
