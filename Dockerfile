# Multi-stage build of the EventPlatform web app.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY EventPlatform.Core/EventPlatform.Core.csproj EventPlatform.Core/
COPY EventPlatform.Data/EventPlatform.Data.csproj EventPlatform.Data/
COPY EventPlatform.Web/EventPlatform.Web.csproj EventPlatform.Web/
RUN dotnet restore EventPlatform.Web/EventPlatform.Web.csproj
COPY EventPlatform.Core/ EventPlatform.Core/
COPY EventPlatform.Data/ EventPlatform.Data/
COPY EventPlatform.Web/ EventPlatform.Web/
RUN dotnet publish EventPlatform.Web/EventPlatform.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__DataDirectory=/data
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "EventPlatform.Web.dll"]
